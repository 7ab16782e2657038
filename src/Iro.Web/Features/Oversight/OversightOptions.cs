using Iro.Domain.Timetable;

namespace Iro.Web.Features.Oversight;

/// <summary>
/// How far back an overdue item is still actionable. Items due earlier are data quality, not work: they are
/// listed apart so that the oversight lists stay usable.
/// </summary>
public sealed class OversightOptions
{
    public const string SectionName = "Oversight";

    /// <summary>Reporting years (April to March) before the current one that still count; 1 keeps last year's.</summary>
    public int PreviousReportingYears { get; set; } = 1;

    /// <summary>The first day whose overdue items are actionable.</summary>
    public DateOnly ActionableFrom(DateOnly today) =>
        ReportingYear.Containing(today).Start.AddYears(-Math.Max(0, PreviousReportingYears));
}
