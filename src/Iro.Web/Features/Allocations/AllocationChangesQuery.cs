using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// A reporting year's changes of IRO (an allocation that follows another IRO's in the same period of care, starting
/// in the year) and the children looked after today who have kept one IRO throughout their current period of care.
/// </summary>
public sealed class AllocationChangesQuery(IroDbContext db)
{
    public sealed record Change(string ChildId, string ChildName, DateOnly On, string FromIro, string ToIro, string? Reason);

    public sealed record KeptIro(string ChildId, string ChildName, DateOnly PeriodStart, string Iro);

    public sealed record Result(IReadOnlyList<Change> Changes, IReadOnlyList<KeptIro> Kept, int LookedAfterToday);

    public async Task<Result> RunAsync(ReportingYear year, DateOnly today, CancellationToken ct)
    {
        var officers = await db.ReviewingOfficers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var children = await db.Children.AsNoTracking()
            .Where(c => c.IroAllocations.Any(a => a.From >= year.Start && a.From <= year.End) || c.Episodes.AsQueryable().Any(CareRules.EpisodeOpenOn(today)))
            .Include(c => c.Episodes).Include(c => c.IroAllocations).AsSplitQuery().ToListAsync(ct);

        var changes = new List<Change>();
        var kept = new List<KeptIro>();
        var lookedAfter = 0;
        foreach (var child in children)
        {
            var periods = PeriodsOfCare.From(child.Episodes);
            var allocations = child.IroAllocations.OrderBy(a => a.From).ToList();
            var spans = allocations.Select(a => new AllocationSpan(a.ReviewingOfficerId, a.From, a.To)).ToList();
            for (var i = 1; i < spans.Count; i++)
                if (year.Contains(spans[i].From) && AllocationHistory.IsChange(spans[i], spans, periods))
                    changes.Add(new Change(child.LocalId, child.DisplayName, spans[i].From, officers[spans[i - 1].OfficerId], officers[spans[i].OfficerId], allocations[i].ReasonForChange));

            if (!child.IsLookedAfterOn(today)) continue;
            lookedAfter++;
            var current = periods.FirstOrDefault(p => !p.IsShortBreakSeries && p.Start <= today && (p.End is null || today < p.End));
            if (current is not null && AllocationHistory.KeptOneIro(current, spans, periods))
                kept.Add(new KeptIro(child.LocalId, child.DisplayName, current.Start, officers[spans.Last(s => AllocationHistory.PeriodContaining(s, periods) == current).OfficerId]));
        }

        return new Result(
            [.. changes.OrderBy(c => c.On).ThenBy(c => c.ChildId, StringComparer.Ordinal)],
            [.. kept.OrderBy(k => k.ChildName, StringComparer.Ordinal)],
            lookedAfter);
    }
}
