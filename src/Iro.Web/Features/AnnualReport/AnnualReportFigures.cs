using Iro.Domain.Allocations;
using Iro.Domain.AnnualReport;
using Iro.Domain.Codes;
using Iro.Domain.Escalations;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using Iro.Web.Features.Reporting;

namespace Iro.Web.Features.AnnualReport;

/// <summary>Every figure of one reporting year's report, as computed from the data.</summary>
public sealed record AnnualYearFigures(
    ReportingYear Year,
    IroServiceProfile IrosAtEnd,
    (int Joiners, int Leavers) IroMovement,
    LookedAfterProfile LookedAfterAtStart,
    LookedAfterProfile LookedAfterAtEnd,
    LookedAfterFlows LookedAfterFlows,
    TimelinessReport Timeliness,
    IReadOnlyDictionary<ParticipationCode, int> Participation,
    AllocationYearFigures Allocation,
    EscalationFigures Escalations,
    YearCaseloads Caseloads,
    VoiceFigures Voice,
    PaperworkFigures Paperwork,
    ActivityFigures Activity);

/// <summary>Caseloads at each month end of the year, from the one caseload count; the last month end is 31 March.</summary>
public sealed record YearCaseloads(IReadOnlyList<CaseloadSnapshot> MonthEnds, CaseloadBand Band)
{
    public CaseloadSnapshot AtEnd => MonthEnds[^1];

    /// <summary>The twelve month ends of the reporting year, April to March.</summary>
    public static IReadOnlyList<DateOnly> MonthEndsOf(ReportingYear year) => CaseloadCalculator.MonthEnds(year.End, 12);
}

/// <summary>A year's figures beside the year before's.</summary>
public sealed record AnnualReportFigures(AnnualYearFigures Year, AnnualYearFigures PreviousYear);
