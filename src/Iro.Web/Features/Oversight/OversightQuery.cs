using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Oversight;

/// <summary>Which overdue items a list shows: the actionable ones, or the older ones kept for data quality.</summary>
public enum OverdueAge { Actionable, Older }

/// <summary>
/// What needs the IRO's or manager's attention between reviews, within the user's scope: postponements or
/// cancellations waiting for approval, overdue decisions, overdue midway reviews and late records. Only items
/// due since <see cref="OversightOptions.ActionableFrom"/> count as overdue; older ones are data quality.
/// </summary>
public sealed class OversightQuery(IroDbContext db, IOptions<ReviewOptions> options, IOptions<OversightOptions> oversight, NextReviewDue nextDue)
{
    /// <summary>One overdue item. <paramref name="Detail"/> and <paramref name="Who"/> are for decisions only.</summary>
    public sealed record OverdueItem(string ChildId, string ChildName, string? Iro, int? ReviewId, DateOnly DueOn, string? Detail = null, string? Who = null);

    public sealed record PendingChange(string ChildId, string ChildName, string? Iro, int ReviewId, ReviewChangeKind Kind, string RequestedBy, DateOnly RequestedOn);

    public sealed record Result(
        DateOnly ActionableFrom, IReadOnlyList<PendingChange> Pending, IReadOnlyList<OverdueItem> Decisions,
        IReadOnlyList<OverdueItem> MidwayOverdue, IReadOnlyList<OverdueItem> RecordsOverdue);

    public DateOnly ActionableFrom(DateOnly today) => oversight.Value.ActionableFrom(today);

    /// <summary>Requests waiting for a manager, oldest first.</summary>
    public async Task<IReadOnlyList<PendingChange>> PendingAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var rows = await (
            from c in db.Children.AsNoTracking().VisibleTo(user)
            from r in c.Reviews
            from q in r.ChangeRequests
            where q.State == ApprovalState.Pending
            select new { c.Id, c.LocalId, c.FirstName, c.LastName, ReviewId = r.Id, q.Kind, q.CreatedByName, q.CreatedAt }).ToListAsync(ct);
        var iros = await IroNamesAsync(rows.Select(r => r.Id), today, ct);
        // Oldest first, ordered here: SQLite cannot order by a date and time with an offset.
        return [.. rows.OrderBy(p => p.CreatedAt).Select(p => new PendingChange(p.LocalId, Child.DisplayNameOf(p.LocalId, p.FirstName, p.LastName), iros.GetValueOrDefault(p.Id),
            p.ReviewId, p.Kind, p.CreatedByName, DateOnly.FromDateTime(p.CreatedAt.UtcDateTime)))];
    }

    public async Task<Result> RunAsync(CurrentUser user, DateOnly today, OverdueAge age, CancellationToken ct)
    {
        await nextDue.PrepareAsync(ct);
        var from = ActionableFrom(today);
        bool Wanted(DateOnly due) => age == OverdueAge.Actionable ? due >= from : due < from;

        var decisions = await (
            from c in db.Children.AsNoTracking().VisibleTo(user)
            from r in db.Reviews.Held()
            where r.ChildId == c.Id
            from d in r.Decisions
            where d.Status == DecisionStatus.Open && d.DueBy < today
            select new { c.Id, c.LocalId, c.FirstName, c.LastName, ReviewId = r.Id, d.What, d.PersonName, d.PersonRole, d.DueBy }).ToListAsync(ct);
        var children = await db.Children.AsNoTracking().VisibleTo(user)
            .Include(c => c.Episodes)
            .Include(HeldReviews.OfChild)
            .AsSplitQuery()
            .ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var lastMidway = (await db.MidwayReviews.AsNoTracking().Where(m => ids.Contains(m.ChildId))
                .GroupBy(m => m.ChildId).Select(g => new { g.Key, Last = g.Max(m => m.HeldOn) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Last);
        var iros = await IroNamesAsync(ids, today, ct);

        var midway = new List<OverdueItem>();
        var records = new List<OverdueItem>();
        foreach (var child in children)
        {
            var iro = iros.GetValueOrDefault(child.Id);
            if (MidwayDue(child, options.Value, nextDue) is { } due
                && ReviewRules.MidwayOverdue(due.Midway, due.LastReview, lastMidway.TryGetValue(child.Id, out var m) ? m : null, today)
                && Wanted(due.Midway))
                midway.Add(new OverdueItem(child.LocalId, child.DisplayName, iro, null, due.Midway));
            foreach (var review in child.Reviews.Where(r => r.RecordIssuedOn is null))
            {
                var deadline = ReviewRules.RecordDeadline(review.HeldOn, null, today, nextDue.Calendar, options.Value);
                if (deadline.State == DeadlineState.Overdue && Wanted(deadline.DueOn))
                    records.Add(new OverdueItem(child.LocalId, child.DisplayName, iro, review.Id, deadline.DueOn));
            }
        }

        var pending = age == OverdueAge.Actionable ? await PendingAsync(user, today, ct) : [];
        return new Result(
            from,
            pending,
            [.. decisions.Where(d => Wanted(d.DueBy)).OrderBy(d => d.DueBy).ThenBy(d => d.LocalId, StringComparer.Ordinal)
                .Select(d => new OverdueItem(d.LocalId, Child.DisplayNameOf(d.LocalId, d.FirstName, d.LastName), iros.GetValueOrDefault(d.Id), d.ReviewId, d.DueBy, d.What, $"{d.PersonName} ({d.PersonRole})"))],
            [.. midway.OrderBy(x => x.DueOn).ThenBy(x => x.ChildId, StringComparer.Ordinal)],
            [.. records.OrderBy(x => x.DueOn).ThenBy(x => x.ChildId, StringComparer.Ordinal)]);
    }

    /// <summary>Each child's IRO today, or their last IRO when none is allocated today.</summary>
    private async Task<Dictionary<int, string>> IroNamesAsync(IEnumerable<int> childIds, DateOnly today, CancellationToken ct)
    {
        var ids = childIds.Distinct().ToList();
        var allocations = await db.IroAllocations.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.From <= today)
            .Select(a => new { a.ChildId, a.From, a.ReviewingOfficer!.Name }).ToListAsync(ct);
        return allocations.GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.From)!.Name);
    }

    /// <summary>The midway date between the last held review and the next due date; null before any review or when not looked after.</summary>
    public static (DateOnly LastReview, DateOnly Midway)? MidwayDue(Child child, ReviewOptions options, NextReviewDue nextDue)
    {
        ArgumentNullException.ThrowIfNull(nextDue);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(options);
        var last = child.Reviews.Held().Select(r => (DateOnly?)r.HeldOn).Max();
        if (last is null || nextDue.For(child) is not { } next || next <= last) return null;
        return (last.Value, ReviewRules.MidwayDue(last.Value, next, options.MidwayReviewFraction));
    }
}
