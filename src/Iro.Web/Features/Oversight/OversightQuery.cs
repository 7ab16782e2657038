using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Oversight;

/// <summary>
/// What needs the IRO's or manager's attention between reviews, within the user's scope: overdue decisions,
/// overdue midway reviews, late records and postponements or cancellations waiting for approval.
/// </summary>
public sealed class OversightQuery(IroDbContext db, IOptions<ReviewOptions> options, NextReviewDue nextDue)
{
    public sealed record OverdueDecision(string ChildId, string ChildName, int ReviewId, string What, string Who, DateOnly DueBy);

    public sealed record ChildDate(string ChildId, string ChildName, int? ReviewId, DateOnly Date);

    public sealed record PendingChange(string ChildId, string ChildName, int ReviewId, ReviewChangeKind Kind, string RequestedBy);

    public sealed record Result(
        IReadOnlyList<OverdueDecision> Decisions, IReadOnlyList<ChildDate> MidwayOverdue, IReadOnlyList<ChildDate> RecordsOverdue, IReadOnlyList<PendingChange> Pending);

    public async Task<IReadOnlyList<OverdueDecision>> OverdueDecisionsAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var rows = await (
            from c in db.Children.AsNoTracking().VisibleTo(user)
            from r in c.Reviews
            where r.Status == ReviewStatus.Held // as ReviewQueries.Held()
            from d in r.Decisions
            where d.Status == DecisionStatus.Open && d.DueBy < today
            orderby d.DueBy
            select new { c.LocalId, c.FirstName, c.LastName, ReviewId = r.Id, d.What, d.PersonName, d.PersonRole, d.DueBy }).ToListAsync(ct);
        return [.. rows.Select(x => new OverdueDecision(x.LocalId, Name(x.LocalId, x.FirstName, x.LastName), x.ReviewId, x.What, $"{x.PersonName} ({x.PersonRole})", x.DueBy))];
    }

    public async Task<Result> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        await nextDue.PrepareAsync(ct);
        var decisions = await OverdueDecisionsAsync(user, today, ct);
        var children = await db.Children.AsNoTracking().VisibleTo(user)
            .Include(c => c.Episodes)
            .Include(c => c.Reviews.Where(r => r.Status == ReviewStatus.Held))
            .AsSplitQuery()
            .ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var lastMidway = (await db.MidwayReviews.AsNoTracking().Where(m => ids.Contains(m.ChildId))
                .GroupBy(m => m.ChildId).Select(g => new { g.Key, Last = g.Max(m => m.HeldOn) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Last);

        var midway = new List<ChildDate>();
        var records = new List<ChildDate>();
        foreach (var child in children)
        {
            if (MidwayDue(child, options.Value, nextDue) is { } due
                && ReviewRules.MidwayOverdue(due.Midway, due.LastReview, lastMidway.TryGetValue(child.Id, out var m) ? m : null, today))
                midway.Add(new ChildDate(child.LocalId, child.DisplayName, null, due.Midway));
            foreach (var review in child.Reviews.Where(r => r.RecordIssuedOn is null))
            {
                var deadline = ReviewRules.RecordDeadline(review.HeldOn, null, today, nextDue.Calendar, options.Value);
                if (deadline.State == DeadlineState.Overdue) records.Add(new ChildDate(child.LocalId, child.DisplayName, review.Id, deadline.DueOn));
            }
        }

        var pending = await (
            from c in db.Children.AsNoTracking().VisibleTo(user)
            from r in c.Reviews
            from q in r.ChangeRequests
            where q.State == ApprovalState.Pending
            select new { c.LocalId, c.FirstName, c.LastName, ReviewId = r.Id, q.Kind, q.CreatedByName }).ToListAsync(ct);
        return new Result(
            decisions,
            [.. midway.OrderBy(x => x.Date)],
            [.. records.OrderBy(x => x.Date)],
            [.. pending.Select(p => new PendingChange(p.LocalId, Name(p.LocalId, p.FirstName, p.LastName), p.ReviewId, p.Kind, p.CreatedByName))]);
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

    private static string Name(string localId, string? first, string? last) =>
        Child.DisplayNameOf(localId, first, last);
}
