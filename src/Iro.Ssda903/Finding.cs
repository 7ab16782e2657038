namespace Iro.Ssda903;

public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A reading or validation finding. <see cref="RowNumber"/> is the 1-based data row in the table
/// (the header line is not counted; for CSV without multi-line fields the file line is RowNumber + 1).
/// <see cref="Values"/> quotes the raw cell values of <see cref="Fields"/>, blank as "".
/// </summary>
public sealed record Finding(
    string RuleCode,
    FindingSeverity Severity,
    string Message,
    Ssda903Table? Table,
    int? RowNumber,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Values)
{
    /// <summary>The child the finding is about, when known.</summary>
    public string? Child { get; init; }

    /// <summary>The file or stream name a reading finding is about.</summary>
    public string? Source { get; init; }

    /// <summary>How <see cref="SheetRow"/> counts, for people reading findings.</summary>
    public const string RowConvention = "Rows are counted as in a spreadsheet: the header is row 1 and the first data row is row 2.";

    /// <summary>The row as a spreadsheet shows it: the header is row 1, so the first data row is row 2.</summary>
    public int? SheetRow => RowNumber + 1;

    public override string ToString()
    {
        var where = Table is null ? Source : RowNumber is null ? $"{Table}" : $"{Table} row {SheetRow}";
        var quoted = Fields.Count == 0 ? string.Empty : " [" + string.Join(", ", Fields.Select((f, i) => $"{f}='{(i < Values.Count ? Values[i] : string.Empty)}'")) + "]";
        return $"{Severity} {RuleCode} {where}: {Message}{quoted}";
    }
}
