using Iro.Domain.AnnualReport;

namespace Iro.Web.Features.AnnualReport;

/// <summary>How the narrative a manager writes is laid out in the report, where it is more than paragraphs of text.</summary>
public static class NarrativeLayout
{
    public const string NotWritten = "Not yet written.";

    /// <summary>
    /// Last year's priorities: one paragraph per priority, "Priority — RAG: progress", so every output shows the
    /// rating in words (never by colour alone). Text stored before priorities were structured shows as written.
    /// </summary>
    public static IReadOnlyList<string> LastYearPriorities(AnnualReportEdition? edition)
    {
        var stored = edition?.LastYearPriorities;
        if (ReportPriorities.Read(stored) is { Count: > 0 } priorities)
            return priorities.Select((p, i) => $"{i + 1}. {p.Priority} — {ReportPriorities.Describe(p.Status)}: {p.Progress}").ToList();
        return string.IsNullOrWhiteSpace(stored) ? [NotWritten] : Paragraphs(stored);
    }

    private static string[] Paragraphs(string text) =>
        text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
