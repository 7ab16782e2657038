using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Reviews;
using Iro.Web.Features.Timetable;
using Iro.Web.Features.Timetable.Store;
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
public sealed class OversightQuery(IroDbContext db, IOptions<ReviewOptions> options, IOptions<OversightOptions> oversight, TimetableStore store, BankHolidayCalendar calendars)
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
        await store.EnsureFreshAsync(today, ct);
        var calendar = await calendars.GetAsync(ct);
        var from = ActionableFrom(today);
        bool Wanted(DateOnly due) => age == OverdueAge.Actionable ? due >= from : due < from;

        var decisions = await (
            from c in db.Children.AsNoTracking().VisibleTo(user)
            from r in db.Reviews.Held()
            where r.ChildId == c.Id
            from d in r.Decisions
            where d.Status == DecisionStatus.Open && d.DueBy < today
            select new { c.Id, c.LocalId, c.FirstName, c.LastName, ReviewId = r.Id, d.What, d.PersonName, d.PersonRole, d.DueBy }).ToListAsync(ct);

        var midway = new List<(int Id, DateOnly Due)>();
        foreach (var row in await MidwayCandidatesAsync(user, ct))
        {
            if (MidwayDue(row.LastReview, row.NextDue, options.Value) is { } due
                && ReviewRules.MidwayOverdue(due.Midway, due.LastReview, row.LastMidway, today) && Wanted(due.Midway))
                midway.Add((row.Id, due.Midway));
        }

        var records = new List<(int Id, int ReviewId, DateOnly Due)>();
        foreach (var review in await ReviewsWithoutRecordAsync(user, today, FirstHeldOnWithRecordDueFrom(from, today, calendar), age, ct))
        {
            var deadline = ReviewRules.RecordDeadline(review.HeldOn, null, today, calendar, options.Value);
            if (deadline.State == DeadlineState.Overdue && Wanted(deadline.DueOn)) records.Add((review.ChildId, review.Id, deadline.DueOn));
        }

        var people = await PeopleAsync(user, [.. midway.Select(m => m.Id), .. records.Select(r => r.Id), .. decisions.Select(d => d.Id)], today, ct);
        OverdueItem Item(int childId, int? reviewId, DateOnly due)
        {
            var person = people[childId];
            return new OverdueItem(person.LocalId, person.Name, person.Iro, reviewId, due);
        }

        var pending = age == OverdueAge.Actionable ? await PendingAsync(user, today, ct) : [];
        return new Result(
            from,
            pending,
            [.. decisions.Where(d => Wanted(d.DueBy)).OrderBy(d => d.DueBy).ThenBy(d => d.LocalId, StringComparer.Ordinal)
                .Select(d => new OverdueItem(d.LocalId, Child.DisplayNameOf(d.LocalId, d.FirstName, d.LastName), people[d.Id].Iro, d.ReviewId, d.DueBy, d.What, $"{d.PersonName} ({d.PersonRole})"))],
            [.. midway.Select(m => Item(m.Id, null, m.Due)).OrderBy(x => x.DueOn).ThenBy(x => x.ChildId, StringComparer.Ordinal)],
            [.. records.Select(r => Item(r.Id, r.ReviewId, r.Due)).OrderBy(x => x.DueOn).ThenBy(x => x.ChildId, StringComparer.Ordinal)]);
    }

    private sealed record MidwayCandidate(int Id, DateOnly NextDue, DateOnly? LastReview, DateOnly? LastMidway);

    /// <summary>
    /// The visible children with a next review due (read from the materialised timetable), their last held review
    /// and their last midway review.
    /// </summary>
    private Task<List<MidwayCandidate>> MidwayCandidatesAsync(CurrentUser user, CancellationToken ct) => (
        from c in db.Children.AsNoTracking().VisibleTo(user)
        join s in db.ChildTimetableStates on c.Id equals s.ChildId
        where s.NextDueDate != null
        select new MidwayCandidate(
            c.Id,
            s.NextDueDate!.Value,
            db.Reviews.Held().Where(r => r.ChildId == c.Id).Max(r => (DateOnly?)r.HeldOn),
            db.MidwayReviews.Where(m => m.ChildId == c.Id).Max(m => (DateOnly?)m.HeldOn))).ToListAsync(ct);

    private sealed record ReviewWithoutRecord(int ChildId, int Id, DateOnly HeldOn);

    /// <summary>
    /// Held reviews of visible children with no record issued, held before today (a record is never due on the day
    /// of its review), and on or after <paramref name="firstActionable"/> for the actionable list or before it for
    /// the older one. Ordered by child then review, the order the lists break ties in.
    /// </summary>
    private Task<List<ReviewWithoutRecord>> ReviewsWithoutRecordAsync(CurrentUser user, DateOnly today, DateOnly firstActionable, OverdueAge age, CancellationToken ct)
    {
        // From the reviews, the visible children as a set: joined child by child, SQLite scanned every child's reviews.
        var visible = db.Children.AsNoTracking().VisibleTo(user).Select(c => c.Id);
        var reviews = db.Reviews.AsNoTracking().Held().Where(r => visible.Contains(r.ChildId) && r.RecordIssuedOn == null && r.HeldOn < today);
        reviews = age == OverdueAge.Actionable ? reviews.Where(r => r.HeldOn >= firstActionable) : reviews.Where(r => r.HeldOn < firstActionable);
        return reviews.OrderBy(r => r.ChildId).ThenBy(r => r.Id).Select(r => new ReviewWithoutRecord(r.ChildId, r.Id, r.HeldOn)).ToListAsync(ct);
    }

    /// <summary>
    /// The first day a review can be held and have its record due on or after <paramref name="from"/>. The record
    /// deadline never moves earlier for a later review, so reviews held before this day have theirs due before
    /// <paramref name="from"/>: the rule itself is evaluated in memory, this only bounds the rows read.
    /// </summary>
    private DateOnly FirstHeldOnWithRecordDueFrom(DateOnly from, DateOnly today, IWorkingDayCalendar calendar)
    {
        DateOnly DueOn(DateOnly heldOn) => ReviewRules.RecordDeadline(heldOn, null, today, calendar, options.Value).DueOn;
        var first = from;
        while (DueOn(first.AddDays(-1)) >= from) first = first.AddDays(-1);
        return first;
    }

    private sealed record Person(string LocalId, string Name, string? Iro);

    /// <summary>The shown children's ids and names, and their IROs (<see cref="IroNamesAsync"/>).</summary>
    private async Task<Dictionary<int, Person>> PeopleAsync(CurrentUser user, IReadOnlyCollection<int> childIds, DateOnly today, CancellationToken ct)
    {
        var people = new Dictionary<int, Person>();
        foreach (var batch in childIds.Distinct().Chunk(IdBatch))
        {
            var rows = await db.Children.AsNoTracking().VisibleTo(user).Where(c => batch.Contains(c.Id))
                .Select(c => new { c.Id, c.LocalId, c.FirstName, c.LastName }).ToListAsync(ct);
            var iros = await IroNamesAsync(batch, today, ct);
            foreach (var c in rows) people[c.Id] = new(c.LocalId, Child.DisplayNameOf(c.LocalId, c.FirstName, c.LastName), iros.GetValueOrDefault(c.Id));
        }
        return people;
    }

    /// <summary>Ids sent in one query: one SQL parameter each, far below the databases' limits.</summary>
    private const int IdBatch = 1000;

    /// <summary>Each child's IRO today, or their last IRO when none is allocated today.</summary>
    private async Task<Dictionary<int, string>> IroNamesAsync(IEnumerable<int> childIds, DateOnly today, CancellationToken ct)
    {
        var names = new Dictionary<int, string>();
        foreach (var ids in childIds.Distinct().Chunk(IdBatch))
        {
            var allocations = await db.IroAllocations.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.From <= today)
                .Select(a => new { a.ChildId, a.From, a.ReviewingOfficer!.Name }).ToListAsync(ct);
            foreach (var child in allocations.GroupBy(a => a.ChildId)) names[child.Key] = child.MaxBy(a => a.From)!.Name;
        }
        return names;
    }

    /// <summary>The midway date between the last held review and the next due date; null before any review or when not looked after.</summary>
    public static (DateOnly LastReview, DateOnly Midway)? MidwayDue(Child child, ReviewOptions options, NextReviewDue nextDue)
    {
        ArgumentNullException.ThrowIfNull(nextDue);
        ArgumentNullException.ThrowIfNull(child);
        var last = child.Reviews.Held().Select(r => (DateOnly?)r.HeldOn).Max();
        return last is null ? null : MidwayDue(last, nextDue.For(child), options);
    }

    /// <summary>The midway date from the last held review and the next due date; null without both, or when the next is not later.</summary>
    public static (DateOnly LastReview, DateOnly Midway)? MidwayDue(DateOnly? lastReview, DateOnly? nextDue, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return lastReview is { } last && nextDue is { } next && next > last ? (last, ReviewRules.MidwayDue(last, next, options.MidwayReviewFraction)) : null;
    }
}
