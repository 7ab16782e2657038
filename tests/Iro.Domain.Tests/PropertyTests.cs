using FsCheck.Xunit;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests;

public class PropertyTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;
    private static readonly DateOnly Base = new(1990, 1, 1);

    private static int Mod(int x, int m) => ((x % m) + m) % m;

    private static DateOnly DateFrom(int seed) => Base.AddDays(Mod(seed, 51 * 365));

    // Counted one day at a time, independently of WorkingDaysBetween.
    private static int BruteCount(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var n = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !EnglandAndWalesBankHolidays.For(d.Year).Any(h => h.Date == d))
                n++;
        return n;
    }

    [Property(MaxTest = 300)]
    public bool Twentieth_working_day_is_a_working_day(int seed) =>
        Cal.IsWorkingDay(Cal.AddWorkingDays(DateFrom(seed), 20));

    [Property(MaxTest = 300)]
    public bool Add_working_days_has_exactly_n_working_days_in_between(int seed, int count)
    {
        var start = DateFrom(seed);
        var n = Mod(count, 80);
        var result = Cal.AddWorkingDays(start, n);
        var exact = BruteCount(start, result) == n && Cal.WorkingDaysBetween(start, result) == n;
        // Minimal: the day before the result has one fewer (or the result is the start itself).
        var minimal = n == 0 ? result == start : BruteCount(start, result.AddDays(-1)) == n - 1;
        return exact && minimal && (n == 0 || Cal.IsWorkingDay(result));
    }

    [Property(MaxTest = 200)]
    public bool Working_days_between_matches_counting(int seedA, int span)
    {
        var a = DateFrom(seedA);
        var b = a.AddDays(Mod(span, 1601) - 800);
        var expected = b >= a ? BruteCount(a, b) : -BruteCount(b, a);
        return Cal.WorkingDaysBetween(a, b) == expected;
    }

    private static (CareEpisode[] Episodes, DateOnly[] Reviews) History(int seed, int[] gaps, int adoptionAfter)
    {
        var start = DateFrom(seed);
        var reviews = new List<DateOnly>();
        var d = start;
        foreach (var g in gaps.Take(12))
        {
            d = d.AddDays(1 + Mod(g, 250));
            reviews.Add(d);
        }

        var placed = start.AddDays(1 + Mod(adoptionAfter, 900));
        CareEpisode[] episodes = Mod(adoptionAfter, 3) == 0
            ? [Ep(start.ToString("yyyy-MM-dd", null))]
            :
            [
                Ep(start.ToString("yyyy-MM-dd", null), placed.ToString("yyyy-MM-dd", null), rec: ReasonEpisodeCeased.X1),
                Ep(placed.ToString("yyyy-MM-dd", null), rne: ReasonForNewEpisode.P, place: PlacementType.A5),
            ];
        return (episodes, reviews.ToArray());
    }

    [Property(MaxTest = 300)]
    public bool Due_dates_never_precede_the_previous_review(int seed, int[] gaps, int adoptionAfter)
    {
        var (episodes, reviews) = History(seed, gaps ?? [], adoptionAfter);
        var t = ReviewTimetable.Compute(episodes, reviews, Cal, new TimetableOptions());
        var r = t.AllReviews.ToList();
        if (r.Count > 0 && !(r[0].DueDate > t.Periods[0].Start)) return false;
        for (var i = 1; i < r.Count; i++)
            if (!(r[i].DueDate > r[i - 1].HeldOn)) return false;
        return t.Periods[0].PendingDueDate > (r.Count > 0 ? r[^1].HeldOn : t.Periods[0].Start);
    }

    [Property(MaxTest = 300)]
    public bool Adding_a_later_review_never_changes_earlier_due_dates(int seed, int[] gaps, int adoptionAfter)
    {
        var (episodes, reviews) = History(seed, gaps ?? [], adoptionAfter);
        if (reviews.Length == 0) return true;
        var options = new TimetableOptions();
        var all = ReviewTimetable.Compute(episodes, reviews, Cal, options).AllReviews.Select(r => r.DueDate).ToList();
        var fewer = ReviewTimetable.Compute(episodes, reviews[..^1], Cal, options).AllReviews.Select(r => r.DueDate).ToList();
        return fewer.SequenceEqual(all.Take(fewer.Count)) && fewer.Count == reviews.Length - 1;
    }

    [Property(MaxTest = 100)]
    public bool Every_due_date_is_the_20_working_day_or_a_month_step(int seed, int[] gaps)
    {
        // Standard regime only: first due is 20 WD after the start; each later one is 3 or 6 months after the previous review.
        var (episodes, reviews) = History(seed, gaps ?? [], 0);
        var r = ReviewTimetable.Compute(episodes, reviews, Cal, new TimetableOptions()).AllReviews.ToList();
        if (r.Count == 0) return true;
        if (BruteCount(episodes[0].Start, r[0].DueDate!.Value) != 20 || !Cal.IsWorkingDay(r[0].DueDate!.Value)) return false;
        for (var i = 1; i < r.Count; i++)
        {
            var months = i == 1 ? 3 : 6;
            var due = r[i].DueDate!.Value;
            var prev = r[i - 1].HeldOn;
            var expectedMonth = ((prev.Year * 12) + prev.Month - 1 + months);
            if ((due.Year * 12) + due.Month - 1 != expectedMonth) return false;
            if (due.Day != Math.Min(prev.Day, DateTime.DaysInMonth(due.Year, due.Month))) return false;
        }

        return true;
    }
}
