using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Iro.Domain.Allocations;
using Iro.Domain.AnnualReport;
using Iro.Domain.Officers;
using Iro.Domain.Timetable;
using Iro.Web.Features.Caseloads;
using Iro.Web.Features.Escalations;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable;
using Iro.Web.Features.Voice;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The report's figures as JSON (<c>iro report annual --format json</c>). The paths are an interface: keep their
/// names. Every path of the year is repeated, with the year before's value, under <c>previousYear</c>.
/// </summary>
public sealed record AnnualReportJson(
    string Year,
    AnnualReportJson.IrosJson Iros,
    AnnualReportJson.LookedAfterJson LookedAfter,
    AnnualReportJson.ReviewsJson Reviews,
    AnnualReportJson.AllocationJson Allocation,
    EscalationSummaryJson Escalations,
    AnnualReportJson.CaseloadsJson Caseloads,
    VoiceSummaryJson Voice,
    AnnualReportJson.PaperworkJson Paperwork,
    ActivityFigures Activity)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Band labels such as "16+" are written as they are configured.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonPropertyOrder(100)]
    public AnnualReportJson? PreviousYear { get; init; }

    public sealed record IrosJson(IroProfileJson AtEnd, int Joiners, int Leavers);

    public sealed record IroProfileJson(
        int Count, decimal Fte,
        IReadOnlyDictionary<string, int> Employment, IReadOnlyDictionary<string, int> Gender, IReadOnlyDictionary<string, int> Ethnicity);

    public sealed record LookedAfterJson(LookedAfterProfileJson AtStart, LookedAfterProfileJson AtEnd, int Starts, int Ceases, int AtAnyTime);

    public sealed record LookedAfterProfileJson(
        int Total, IReadOnlyDictionary<string, int> Age, IReadOnlyDictionary<string, int> Sex, IReadOnlyDictionary<string, int> Ethnicity,
        IReadOnlyDictionary<string, int> LegalStatus, IReadOnlyDictionary<string, int> Placement, int Uasc);

    public sealed record ReviewsJson(
        int Held, int OnTime, [property: JsonConverter(typeof(OneDecimalConverter))] decimal PercentOnTime,
        IReadOnlyList<TimelinessMonthJson> Monthly, IReadOnlyDictionary<string, int> Participation);

    public sealed record AllocationJson(int PeriodsStarted, int AllocatedWithinFiveWorkingDays, int IroChanges, ShareJson SameIroThroughoutCurrentPeriod);

    public sealed record ShareJson(int Children, int Of);

    /// <summary>
    /// <c>atEnd</c>: the service and employment-type figures of <c>iro caseloads --as-of</c> 31 March (IROs are not
    /// named in the report); <c>monthly</c>: the service at each month end; <c>band</c>: the caseload band.
    /// </summary>
    public sealed record CaseloadsJson(JsonObject AtEnd, IReadOnlyList<CaseloadMonthJson> Monthly, CaseloadBandJson Band);

    public sealed record CaseloadMonthJson(string Month, int Children, decimal Fte, decimal? PerFte);

    public sealed record CaseloadBandJson(decimal Min, decimal Max);

    /// <summary>Reviews held in the year with their paperwork recorded, those on time and the percentage.</summary>
    public sealed record PaperworkJson(int Reviews, int OnTime, [property: JsonConverter(typeof(OneDecimalConverter))] decimal Percent);

    public static AnnualReportJson From(AnnualReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Of(figures.Year) with { PreviousYear = Of(figures.PreviousYear) };
    }

    public string Serialize() => JsonSerializer.Serialize(this, SerializerOptions);

    private static AnnualReportJson Of(AnnualYearFigures y)
    {
        var timeliness = y.Timeliness.ToJson();
        return new AnnualReportJson(
            y.Year.ToString(),
            new IrosJson(
                new IroProfileJson(y.IrosAtEnd.Count, CaseloadReport.Number(y.IrosAtEnd.Fte), y.IrosAtEnd.Employment, y.IrosAtEnd.Gender, y.IrosAtEnd.Ethnicity),
                y.IroMovement.Joiners,
                y.IroMovement.Leavers),
            new LookedAfterJson(Profile(y.LookedAfterAtStart), Profile(y.LookedAfterAtEnd), y.LookedAfterFlows.Starts, y.LookedAfterFlows.Ceases, y.LookedAfterFlows.AtAnyTime),
            new ReviewsJson(
                timeliness.Total.Held, timeliness.Total.OnTime, timeliness.Total.Percent, timeliness.Months,
                y.Participation.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value)),
            new AllocationJson(
                y.Allocation.PeriodsStarted, y.Allocation.AllocatedWithinFiveWorkingDays, y.Allocation.IroChanges,
                new ShareJson(y.Allocation.SameIroThroughout, y.Allocation.LookedAfterAtEnd)),
            EscalationSummaryJson.From(y.Escalations),
            CaseloadsOf(y.Caseloads),
            VoiceSummaryJson.From(y.Voice),
            new PaperworkJson(y.Paperwork.Reviews, y.Paperwork.OnTime, Timeliness.Percent(y.Paperwork.OnTime, y.Paperwork.Reviews)),
            y.Activity);
    }

    private static CaseloadsJson CaseloadsOf(YearCaseloads caseloads)
    {
        var end = caseloads.AtEnd;
        var atEnd = new JsonObject
        {
            ["service"] = CaseloadReport.FiguresJson(end.Service),
            [nameof(Employment.InHouse)] = CaseloadReport.FiguresJson(end.Of(Employment.InHouse)),
            [nameof(Employment.Commissioned)] = CaseloadReport.FiguresJson(end.Of(Employment.Commissioned)),
        };
        var monthly = caseloads.MonthEnds.Select(m => new CaseloadMonthJson(
            m.On.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Service.Children, CaseloadReport.Number(m.Service.Fte), CaseloadReport.PerFte(m.Service))).ToList();
        return new CaseloadsJson(atEnd, monthly, new CaseloadBandJson(caseloads.Band.Min, caseloads.Band.Max));
    }

    private static LookedAfterProfileJson Profile(LookedAfterProfile p) =>
        new(p.Total, p.Age, p.Sex, p.Ethnicity, p.LegalStatus, p.Placement, p.Uasc);
}
