using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain.AnnualReport;
using Iro.Web.Features.Escalations;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable;

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
    EscalationSummaryJson Escalations)
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
        int Count, [property: JsonConverter(typeof(FteConverter))] decimal Fte,
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
                new IroProfileJson(y.IrosAtEnd.Count, y.IrosAtEnd.Fte, y.IrosAtEnd.Employment, y.IrosAtEnd.Gender, y.IrosAtEnd.Ethnicity),
                y.IroMovement.Joiners,
                y.IroMovement.Leavers),
            new LookedAfterJson(Profile(y.LookedAfterAtStart), Profile(y.LookedAfterAtEnd), y.LookedAfterFlows.Starts, y.LookedAfterFlows.Ceases, y.LookedAfterFlows.AtAnyTime),
            new ReviewsJson(
                timeliness.Total.Held, timeliness.Total.OnTime, timeliness.Total.Percent, timeliness.Months,
                y.Participation.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value)),
            new AllocationJson(
                y.Allocation.PeriodsStarted, y.Allocation.AllocatedWithinFiveWorkingDays, y.Allocation.IroChanges,
                new ShareJson(y.Allocation.SameIroThroughout, y.Allocation.LookedAfterAtEnd)),
            EscalationSummaryJson.From(y.Escalations));
    }

    private static LookedAfterProfileJson Profile(LookedAfterProfile p) =>
        new(p.Total, p.Age, p.Sex, p.Ethnicity, p.LegalStatus, p.Placement, p.Uasc);

    /// <summary>FTE with at least one decimal place and no more than it needs: 5.0, 4.75.</summary>
    public sealed class FteConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteRawValue(value.ToString("0.0#", CultureInfo.InvariantCulture));
        }
    }
}
