using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable;

/// <summary>
/// The review timetable as the API and the command line publish it. The property names are a contract:
/// add fields, never rename them. Dates are ISO (yyyy-MM-dd) or null when unknown.
/// </summary>
public sealed record TimetableJson(
    string ChildId,
    IReadOnlyList<TimetablePeriodJson> Periods,
    IReadOnlyList<TimetableProblemJson> Problems,
    bool Reliable,
    DateOnly AsOf,
    bool Overdue)
{
    /// <summary>Camel case, as the web API writes by default; shared so the command line writes the same.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static TimetableJson From(string childId, ChildTimetable timetable, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        return new TimetableJson(
            childId,
            [.. timetable.Periods.Select(p => new TimetablePeriodJson(
                p.Start,
                p.End,
                [.. p.Reviews.Select(r => new TimetableReviewJson(r.Sequence, r.DueDate, r.HeldOn, r.OnTime, r.DaysLate, r.CountsForTimeliness))],
                p.NextDueDate,
                p.Regime.ToString(),
                p.HistoryIncomplete))],
            [.. timetable.Problems.Select(q => new TimetableProblemJson(q.Code, q.Message, q.Date))],
            timetable.IsReliable,
            asOf,
            timetable.IsOverdueOn(asOf));
    }
}

public sealed record TimetablePeriodJson(
    DateOnly Start,
    DateOnly? End,
    IReadOnlyList<TimetableReviewJson> Reviews,
    DateOnly? NextDueDate,
    string Regime,
    bool HistoryIncomplete);

public sealed record TimetableReviewJson(int Sequence, DateOnly? DueDate, DateOnly HeldDate, bool? OnTime, int? DaysLate, bool CountsForTimeliness);

public sealed record TimetableProblemJson(string Code, string Message, DateOnly? Date);

/// <summary>Writes a percentage with exactly one decimal place (50.0, not 50), as published.</summary>
public sealed class OneDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value.ToString("0.0", CultureInfo.InvariantCulture));
    }
}
