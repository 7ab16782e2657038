using System.Globalization;
using System.Text.Json;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable;

/// <summary>
/// Writes a timetable as <see cref="TimetableJson"/> straight from the computed timetable, byte for byte what
/// <c>JsonSerializer</c> writes for <see cref="TimetableJson.From"/> with the same writer: for the command line's
/// service-wide timetable, millions of lines, where building the published records and serialising them through
/// reflection cost as much as computing the timetables. The names are the records' own, camel-cased as the
/// serialiser's options do; the properties are written in the records' order.
/// </summary>
public static class TimetableJsonWriter
{
    private static readonly JsonEncodedText ChildId = Name(nameof(TimetableJson.ChildId));
    private static readonly JsonEncodedText Periods = Name(nameof(TimetableJson.Periods));
    private static readonly JsonEncodedText Problems = Name(nameof(TimetableJson.Problems));
    private static readonly JsonEncodedText Reliable = Name(nameof(TimetableJson.Reliable));
    private static readonly JsonEncodedText AsOf = Name(nameof(TimetableJson.AsOf));
    private static readonly JsonEncodedText Overdue = Name(nameof(TimetableJson.Overdue));
    private static readonly JsonEncodedText Start = Name(nameof(TimetablePeriodJson.Start));
    private static readonly JsonEncodedText End = Name(nameof(TimetablePeriodJson.End));
    private static readonly JsonEncodedText Reviews = Name(nameof(TimetablePeriodJson.Reviews));
    private static readonly JsonEncodedText NextDueDate = Name(nameof(TimetablePeriodJson.NextDueDate));
    private static readonly JsonEncodedText Regime = Name(nameof(TimetablePeriodJson.Regime));
    private static readonly JsonEncodedText HistoryIncomplete = Name(nameof(TimetablePeriodJson.HistoryIncomplete));
    private static readonly JsonEncodedText Sequence = Name(nameof(TimetableReviewJson.Sequence));
    private static readonly JsonEncodedText DueDate = Name(nameof(TimetableReviewJson.DueDate));
    private static readonly JsonEncodedText HeldDate = Name(nameof(TimetableReviewJson.HeldDate));
    private static readonly JsonEncodedText OnTime = Name(nameof(TimetableReviewJson.OnTime));
    private static readonly JsonEncodedText DaysLate = Name(nameof(TimetableReviewJson.DaysLate));
    private static readonly JsonEncodedText CountsForTimeliness = Name(nameof(TimetableReviewJson.CountsForTimeliness));
    private static readonly JsonEncodedText Code = Name(nameof(TimetableProblemJson.Code));
    private static readonly JsonEncodedText Message = Name(nameof(TimetableProblemJson.Message));
    private static readonly JsonEncodedText Date = Name(nameof(TimetableProblemJson.Date));

    /// <summary>Writes <c>TimetableJson.From(childId, timetable, asOf)</c>.</summary>
    public static void Write(Utf8JsonWriter json, string childId, ChildTimetable timetable, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(timetable);
        json.WriteStartObject();
        json.WriteString(ChildId, childId);
        json.WriteStartArray(Periods);
        foreach (var period in timetable.Periods)
        {
            json.WriteStartObject();
            WriteDate(json, Start, period.Start);
            WriteDate(json, End, period.End);
            json.WriteStartArray(Reviews);
            foreach (var review in period.Reviews)
            {
                json.WriteStartObject();
                json.WriteNumber(Sequence, review.Sequence);
                WriteDate(json, DueDate, review.DueDate);
                WriteDate(json, HeldDate, review.HeldOn);
                if (review.OnTime is { } onTime) json.WriteBoolean(OnTime, onTime);
                else json.WriteNull(OnTime);
                if (review.DaysLate is { } daysLate) json.WriteNumber(DaysLate, daysLate);
                else json.WriteNull(DaysLate);
                json.WriteBoolean(CountsForTimeliness, review.CountsForTimeliness);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteDate(json, NextDueDate, period.NextDueDate);
            json.WriteString(Regime, period.Regime.ToString());
            json.WriteBoolean(HistoryIncomplete, period.HistoryIncomplete);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(Problems);
        foreach (var problem in timetable.Problems)
        {
            json.WriteStartObject();
            json.WriteString(Code, problem.Code);
            json.WriteString(Message, problem.Message);
            WriteDate(json, Date, problem.Date);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean(Reliable, timetable.IsReliable);
        WriteDate(json, AsOf, asOf);
        json.WriteBoolean(Overdue, timetable.IsOverdueOn(asOf));
        json.WriteEndObject();
    }

    private static JsonEncodedText Name(string property) =>
        JsonEncodedText.Encode(TimetableJson.SerializerOptions.PropertyNamingPolicy?.ConvertName(property) ?? property, TimetableJson.SerializerOptions.Encoder);

    /// <summary>A date as the serialiser writes <see cref="DateOnly"/>: ISO, yyyy-MM-dd.</summary>
    private static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, DateOnly? date)
    {
        if (date is not { } value)
        {
            json.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[10];
        value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.WriteString(name, text[..written]);
    }
}
