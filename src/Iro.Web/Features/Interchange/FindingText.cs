using Iro.Ssda903;

namespace Iro.Web.Features.Interchange;

/// <summary>One line per finding, naming rule, file, row (counted as a spreadsheet does), child, fields and values.</summary>
public static class FindingText
{
    public static string Describe(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var where = string.Join(' ', new[]
        {
            finding.Source,
            finding.Table is { } table ? $"({table})" : null,
            finding.SheetRow is { } row ? $"row {row}" : null,
            finding.Child is { } child ? $"child {child}" : null,
        }.Where(p => p is not null));
        return $"{(finding.Severity == FindingSeverity.Error ? "error" : "warning")} {finding.RuleCode} {where}: {finding.Message}{Cells(finding)}";
    }

    /// <summary>" [FIELD='value', ...]", or empty when the finding names no field.</summary>
    public static string Cells(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Fields.Count == 0
            ? string.Empty
            : " [" + string.Join(", ", finding.Fields.Select((f, i) => $"{f}='{(i < finding.Values.Count ? finding.Values[i] : string.Empty)}'")) + "]";
    }
}
