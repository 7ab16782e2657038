using Iro.Domain.Officers;

namespace Iro.Domain.Allocations;

/// <summary>An IRO as the caseload count needs them: employment, dates in post and FTE history.</summary>
public sealed record StaffRecord(int OfficerId, Employment Employment, DateOnly Start, DateOnly? End, decimal StartingFte, IReadOnlyList<FteChange> FteChanges)
{
    public bool InPostOn(DateOnly date) => FteHistory.InPostOn(Start, End, date);

    public decimal FteOn(DateOnly date) => FteHistory.FteOn(StartingFte, FteChanges, date);
}

/// <summary>A care episode of a child: looked after from <c>Start</c> until the day before <c>End</c> (null while open).</summary>
public sealed record CareSpan(int ChildId, DateOnly Start, DateOnly? End)
{
    public bool OpenOn(DateOnly date) => Start <= date && (End is null || End > date);
}

/// <summary>An allocation of a child to an IRO, covering <c>From &lt;= date &lt; To</c>.</summary>
public sealed record AllocatedSpan(int ChildId, int OfficerId, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date < To);
}

/// <summary>One IRO in post on a date: their employment, FTE that day and the children counted.</summary>
public sealed record OfficerCaseload(int OfficerId, Employment Employment, decimal Fte, int Children)
{
    public Caseload Caseload => new(1, Fte, Children);
}

/// <summary>The caseloads of every IRO in post on one date, with the service-wide and per-employment sums.</summary>
public sealed record CaseloadSnapshot(DateOnly On, IReadOnlyList<OfficerCaseload> Officers)
{
    public Caseload Service => Caseload.Sum(Officers.Select(o => o.Caseload));

    public Caseload Of(Employment employment) => Caseload.Sum(Officers.Where(o => o.Employment == employment).Select(o => o.Caseload));
}

/// <summary>
/// The one caseload computation (statutory-rules section 15): on a date, each IRO in post counts the children
/// looked after that day (an episode started on or before it and not ceased by it) whose allocation to them
/// covers the day; their FTE is the FTE in effect that day. Several dates are computed in one sweep over the
/// episodes and allocations, so a 12-month trend costs one pass, not one query per month and IRO.
/// </summary>
public static class CaseloadCalculator
{
    public static CaseloadSnapshot On(DateOnly date, IReadOnlyList<StaffRecord> staff, IEnumerable<CareSpan> episodes, IEnumerable<AllocatedSpan> allocations) =>
        On([date], staff, episodes, allocations)[0];

    /// <summary>A snapshot per date, in the order of the dates given.</summary>
    public static IReadOnlyList<CaseloadSnapshot> On(
        IReadOnlyList<DateOnly> dates, IReadOnlyList<StaffRecord> staff, IEnumerable<CareSpan> episodes, IEnumerable<AllocatedSpan> allocations)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(allocations);
        var sorted = dates.Distinct().Order().ToArray();
        var officerIndex = new Dictionary<int, int>();
        for (var i = 0; i < staff.Count; i++) officerIndex[staff[i].OfficerId] = i;
        var counts = new int[sorted.Length, staff.Count];

        // Both lists sorted by child, then walked together: no lookup or set per child, so 120,000 children stay cheap.
        var byChild = Comparer<int>.Default;
        var episodeArray = episodes.ToArray();
        Array.Sort(episodeArray, (a, b) => byChild.Compare(a.ChildId, b.ChildId));
        var allocationArray = allocations.ToArray();
        Array.Sort(allocationArray, (a, b) => byChild.Compare(a.ChildId, b.ChildId));
        var e = 0;
        for (var first = 0; first < allocationArray.Length;)
        {
            var child = allocationArray[first].ChildId;
            var last = first;
            while (last < allocationArray.Length && allocationArray[last].ChildId == child) last++;
            while (e < episodeArray.Length && episodeArray[e].ChildId < child) e++;
            var episodesEnd = e;
            while (episodesEnd < episodeArray.Length && episodeArray[episodesEnd].ChildId == child) episodesEnd++;
            for (var i = first; i < last && episodesEnd > e; i++)
            {
                var allocation = allocationArray[i];
                if (!officerIndex.TryGetValue(allocation.OfficerId, out var officer)) continue;
                for (var d = FirstOnOrAfter(sorted, allocation.From); d < sorted.Length && allocation.Covers(sorted[d]); d++)
                {
                    if (LookedAfter(episodeArray, e, episodesEnd, sorted[d]) && !CountedBefore(allocationArray, first, i, sorted[d])) counts[d, officer]++;
                }
            }

            (first, e) = (last, episodesEnd);
        }

        var snapshots = new Dictionary<DateOnly, CaseloadSnapshot>();
        for (var d = 0; d < sorted.Length; d++)
        {
            var date = sorted[d];
            var officers = new List<OfficerCaseload>();
            for (var i = 0; i < staff.Count; i++)
            {
                if (staff[i].InPostOn(date)) officers.Add(new OfficerCaseload(staff[i].OfficerId, staff[i].Employment, staff[i].FteOn(date), counts[d, i]));
            }

            snapshots[date] = new CaseloadSnapshot(date, officers);
        }

        return [.. dates.Select(d => snapshots[d])];
    }

    /// <summary>The <paramref name="months"/> latest month ends on or before <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly today, int months = 12)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var latest = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        if (latest > today) latest = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var firstOfNext = latest.AddDays(1);
        return [.. Enumerable.Range(1, months).Reverse().Select(back => firstOfNext.AddMonths(1 - back).AddDays(-1))];
    }

    private static bool LookedAfter(CareSpan[] episodes, int from, int to, DateOnly date)
    {
        for (var i = from; i < to; i++)
        {
            if (episodes[i].OpenOn(date)) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether an earlier allocation of the same child to the same IRO also covers the date: against the rules,
    /// but a child is still counted once per IRO and date.
    /// </summary>
    private static bool CountedBefore(AllocatedSpan[] allocations, int from, int index, DateOnly date)
    {
        for (var j = from; j < index; j++)
        {
            if (allocations[j].OfficerId == allocations[index].OfficerId && allocations[j].Covers(date)) return true;
        }

        return false;
    }

    private static int FirstOnOrAfter(DateOnly[] sorted, DateOnly date)
    {
        var index = Array.BinarySearch(sorted, date);
        return index >= 0 ? index : ~index;
    }
}
