using Iro.Domain.Children;

namespace Iro.Domain.AnnualReport;

/// <summary>
/// A child of the report's population with their periods of full care (a series of short breaks is not a period of
/// care for the report's counts, as in DfE statistics), derived once for every figure and year that reads them.
/// </summary>
public sealed record ReportChild(Child Child, IReadOnlyList<PeriodOfCare> Periods)
{
    public static ReportChild Of(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new ReportChild(child, [.. PeriodsOfCare.From(child.Episodes).Where(p => !p.IsShortBreakSeries)]);
    }
}
