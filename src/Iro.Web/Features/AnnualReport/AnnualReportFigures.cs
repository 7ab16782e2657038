using Iro.Domain.AnnualReport;
using Iro.Domain.Codes;
using Iro.Domain.Escalations;
using Iro.Domain.Timetable;
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
    EscalationFigures Escalations);

/// <summary>A year's figures beside the year before's.</summary>
public sealed record AnnualReportFigures(AnnualYearFigures Year, AnnualYearFigures PreviousYear);
