using System.Globalization;
using System.Text;
using Iro.Domain.Calendar;

namespace Iro.Domain.Timetable;

/// <summary>One period of a stored timetable: what is needed to answer "as at" a date without the episodes.</summary>
/// <param name="Start">The period's start.</param>
/// <param name="ActiveUntil">As <see cref="PeriodTimetable.ActiveUntil"/>; null while open.</param>
/// <param name="IsShortBreak">A series of short breaks rather than full care.</param>
/// <param name="Regime">As <see cref="PeriodTimetable.Regime"/>.</param>
/// <param name="DueHistory">As <see cref="PeriodTimetable.DueHistory"/>.</param>
/// <param name="ReviewDates">The dates of the period's reviews, in order.</param>
public sealed record TimetableSpan(
    DateOnly Start, DateOnly? ActiveUntil, bool IsShortBreak, ReviewRegime Regime, IReadOnlyList<DueFrom> DueHistory, IReadOnlyList<DateOnly> ReviewDates)
{
    public bool Covers(DateOnly date) => PeriodRules.Covers(Start, ActiveUntil, date);

    /// <summary>The same answer as <see cref="PeriodTimetable.DueDateOn"/>.</summary>
    public DateOnly? DueDateOn(DateOnly asOf) => PeriodRules.DueDateOn(Start, ActiveUntil, DueHistory, asOf);

    /// <summary>The last review of the period held on or before the date.</summary>
    public DateOnly? LastReviewOn(DateOnly asOf)
    {
        DateOnly? last = null;
        foreach (var held in ReviewDates)
        {
            if (held > asOf) break;
            last = held;
        }

        return last;
    }
}

/// <summary>A child's timetable state as at one date (the service day), as stored beside the timetable.</summary>
/// <param name="AsOf">The date the state is for.</param>
/// <param name="InPeriod">A period of care or short-break series covers the date.</param>
/// <param name="PeriodStart">The start of that period.</param>
/// <param name="PeriodIsShortBreak">That period is a short-break series.</param>
/// <param name="Regime">That period's regime.</param>
/// <param name="DueDate">As <see cref="ChildTimetable.DueDateOn"/>.</param>
/// <param name="Status">As <see cref="ChildTimetable.StatusOn(DateOnly, IWorkingDayCalendar, int)"/>.</param>
/// <param name="LastReviewInPeriod">The last review held in that period on or before the date.</param>
public sealed record TimetableAsAt(
    DateOnly AsOf, bool InPeriod, DateOnly? PeriodStart, bool PeriodIsShortBreak, ReviewRegime? Regime, DateOnly? DueDate,
    DueStatus? Status, DateOnly? LastReviewInPeriod);

/// <summary>
/// The compact text form of a timetable's periods kept with each child, so the state as at any date is answered
/// exactly as <see cref="ChildTimetable"/> answers it without loading episodes or reviews again (a new service day
/// recomputes every child's state from it). Periods are separated by ';', their fields by '|': start, active-until
/// (empty while open), F or S (full care or short breaks), the regime's letter, the due history as from=due pairs
/// (due empty when unknown) and the review dates, both comma-separated; dates are yyyyMMdd.
/// </summary>
public static class TimetableSpans
{
    private const string DateFormat = "yyyyMMdd";

    public static string Encode(ChildTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        var text = new StringBuilder();
        foreach (var period in timetable.Periods)
        {
            if (text.Length > 0) text.Append(';');
            Date(text, period.Start).Append('|');
            if (period.ActiveUntil is { } until) Date(text, until);
            text.Append('|').Append(period.Period.IsShortBreakSeries ? 'S' : 'F').Append('|').Append(RegimeLetter(period.Regime)).Append('|');
            for (var i = 0; i < period.DueHistory.Count; i++)
            {
                if (i > 0) text.Append(',');
                Date(text, period.DueHistory[i].From).Append('=');
                if (period.DueHistory[i].DueDate is { } due) Date(text, due);
            }

            text.Append('|');
            for (var i = 0; i < period.Reviews.Count; i++)
            {
                if (i > 0) text.Append(',');
                Date(text, period.Reviews[i].HeldOn);
            }
        }

        return text.ToString();
    }

    public static IReadOnlyList<TimetableSpan> Decode(string spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Length == 0) return [];
        var periods = new List<TimetableSpan>();
        foreach (var period in spans.Split(';'))
        {
            var fields = period.Split('|');
            if (fields.Length != 6) throw new FormatException($"A timetable span has {fields.Length} fields, not 6: '{period}'.");
            var history = fields[4].Split(',').Select(pair =>
            {
                var parts = pair.Split('=');
                return new DueFrom(ParseDate(parts[0]), parts[1].Length == 0 ? null : ParseDate(parts[1]));
            }).ToArray();
            var reviews = fields[5].Length == 0 ? [] : fields[5].Split(',').Select(ParseDate).ToArray();
            periods.Add(new TimetableSpan(
                ParseDate(fields[0]), fields[1].Length == 0 ? null : ParseDate(fields[1]), fields[2] == "S", RegimeFrom(fields[3]), history, reviews));
        }

        return periods;
    }

    /// <summary>The period covering the date, preferring full care over a short-break series, as <see cref="ChildTimetable.PeriodOn"/>.</summary>
    public static TimetableSpan? PeriodOn(IReadOnlyList<TimetableSpan> spans, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(spans);
        return PeriodRules.PeriodOn(spans, p => p.IsShortBreak, p => p.Covers(asOf));
    }

    /// <summary>The state as at the date, from the encoded spans alone.</summary>
    public static TimetableAsAt AsAt(string spans, DateOnly asOf, IWorkingDayCalendar calendar, int amberWindowWorkingDays) =>
        AsAt(Decode(spans), asOf, calendar, amberWindowWorkingDays);

    /// <inheritdoc cref="AsAt(string, DateOnly, IWorkingDayCalendar, int)"/>
    public static TimetableAsAt AsAt(IReadOnlyList<TimetableSpan> spans, DateOnly asOf, IWorkingDayCalendar calendar, int amberWindowWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (PeriodOn(spans, asOf) is not { } period) return new TimetableAsAt(asOf, false, null, false, null, null, null, null);
        var due = period.DueDateOn(asOf);
        var status = due is { } d ? Timeliness.Classify(d, asOf, calendar, amberWindowWorkingDays) : (DueStatus?)null;
        return new TimetableAsAt(asOf, true, period.Start, period.IsShortBreak, period.Regime, due, status, period.LastReviewOn(asOf));
    }

    private static StringBuilder Date(StringBuilder text, DateOnly date) => text.Append(date.ToString(DateFormat, CultureInfo.InvariantCulture));

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static char RegimeLetter(ReviewRegime regime) => regime switch
    {
        ReviewRegime.Standard => 'N',
        ReviewRegime.Adoption => 'A',
        ReviewRegime.ShortBreak => 'B',
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, null),
    };

    private static ReviewRegime RegimeFrom(string letter) => letter switch
    {
        "N" => ReviewRegime.Standard,
        "A" => ReviewRegime.Adoption,
        "B" => ReviewRegime.ShortBreak,
        _ => throw new FormatException($"'{letter}' is not a regime letter."),
    };
}
