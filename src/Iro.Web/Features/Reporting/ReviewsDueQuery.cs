using System.Linq.Expressions;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable.Store;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>The next booked review meeting (not yet held): its date, time, format and venue.</summary>
public sealed record BookedReview(int ReviewId, DateOnly On, TimeOnly? At, MeetingFormat? Format, string? Venue);

/// <summary>
/// Children looked after today with their next review: an IRO's own caseload, an agency's caseload, or the
/// whole service. Caseload means the current allocation, not every child the user may open. Read from the
/// materialised timetable's state as at today: filters, order and paging run in the database.
/// </summary>
public sealed class ReviewsDueQuery(IroDbContext db, TimetableStore store)
{
    public sealed record Row(
        string LocalId, string DisplayName, int? IroId, string? IroName, DateOnly? DueDate, DueListStatus Status,
        ReviewRegime Regime, bool Reliable, DateOnly? LastReview, BookedReview? Booking)
    {
        /// <summary>Booked for a date after the review is due: it will be late unless brought forward.</summary>
        public bool BookedAfterDue => Booking is { } b && ReviewRules.IsLate(b.On, DueDate);
    }

    /// <summary>The list's filters; null means no filter. <see cref="Booked"/>: with (or without) a booked meeting.</summary>
    public sealed record Filter(int? IroId = null, DueListStatus? Status = null, bool? Booked = null);

    /// <summary>A listed child's state as at today, before the IRO and booking are added to the rows shown.</summary>
    private sealed class Listed
    {
        public int ChildId { get; init; }
        public required string LocalId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public DateOnly? DueDate { get; init; }
        public DueStatus? Status { get; init; }
        public ReviewRegime? Regime { get; init; }
        public bool Reliable { get; init; }
        public DateOnly? LastReview { get; init; }
    }

    /// <summary>Every row matching the filters, earliest due first (the download).</summary>
    public async Task<ReviewsDueReport> RunAsync(CurrentUser user, DateOnly today, Filter filter, CancellationToken ct)
    {
        await store.EnsureFreshAsync(today, ct);
        var listed = await Ordered(Matching(user, today, filter)).ToListAsync(ct);
        return new ReviewsDueReport(today, await RowsAsync(listed, today, ct));
    }

    /// <summary>One page of the rows matching the filters, with their number.</summary>
    public async Task<Paged<Row>> PageAsync(CurrentUser user, DateOnly today, Filter filter, int page, CancellationToken ct)
    {
        await store.EnsureFreshAsync(today, ct);
        var listed = await Ordered(Matching(user, today, filter)).PageOfAsync(page, ct);
        return new Paged<Row>(await RowsAsync(listed.Rows, today, ct), listed.Total, listed.Page, listed.PageSize);
    }

    /// <summary>How many children of the list have each status (the home page's counts).</summary>
    public async Task<IReadOnlyDictionary<DueListStatus, int>> CountsAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        await store.EnsureFreshAsync(today, ct);
        var counts = await Matching(user, today, new Filter())
            .GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<DueListStatus>().ToDictionary(s => s, s => counts.Where(c => ListStatus(c.Status) == s).Sum(c => c.Count));
    }

    private IQueryable<Listed> Matching(CurrentUser user, DateOnly today, Filter filter)
    {
        var children = db.Children.AsNoTracking().InCurrentCaseloadOf(user, today);
        if (filter.IroId is { } officer) children = children.Where(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficerId == officer));

        // Who is listed (looked after today, or between short breaks with an IRO) is stored with the state.
        var states = db.ChildTimetableStates.AsNoTracking().Where(s => s.AsOf == today && s.OnDueList);

        if (filter.Status is { } wanted)
        {
            states = StoredStatus(wanted) is { } stored ? states.Where(s => s.Status == stored) : states.Where(s => s.Status == null);
        }

        if (filter.Booked is { } booked)
        {
            // The booking shown is the first planned meeting after the last review of the period.
            var planned = db.Reviews.Where(r => r.Status == ReviewStatus.Planned && !r.IsDeleted);
            Expression<Func<ChildTimetableState, bool>> hasBooking =
                s => planned.Any(r => r.ChildId == s.ChildId && (s.LastReviewInPeriod == null || r.HeldOn > s.LastReviewInPeriod));
            states = states.Where(booked ? hasBooking : Expression.Lambda<Func<ChildTimetableState, bool>>(Expression.Not(hasBooking.Body), hasBooking.Parameters));
        }

        return states.Join(
            children, s => s.ChildId, c => c.Id,
            (s, c) => new Listed
            {
                ChildId = c.Id, LocalId = c.LocalId, FirstName = c.FirstName, LastName = c.LastName, DueDate = s.DueDate,
                Status = s.Status, Regime = s.Regime, Reliable = s.Reliable, LastReview = s.LastReviewInPeriod,
            });
    }

    /// <summary>Earliest due first, unknown due dates last, then by local ID compared ordinally.</summary>
    private IQueryable<Listed> Ordered(IQueryable<Listed> listed) =>
        listed.OrderBy(l => l.DueDate == null).ThenBy(l => l.DueDate).ThenByOrdinal(db, l => l.LocalId);

    /// <summary>The rows for the children given (already ordered): their current IRO and booked meeting added.</summary>
    private async Task<IReadOnlyList<Row>> RowsAsync(IReadOnlyList<Listed> listed, DateOnly today, CancellationToken ct)
    {
        var ids = listed.Select(l => l.ChildId).ToList();
        var iros = (await db.IroAllocations.AsNoTracking().CurrentOn(today)
                .Where(a => ids.Contains(a.ChildId))
                .Select(a => new { a.ChildId, a.From, a.ReviewingOfficerId, a.ReviewingOfficer!.Name })
                .ToListAsync(ct))
            .GroupBy(a => a.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).First());
        var bookings = await BookingsAsync(ids, ct);
        return [.. listed.Select(l =>
        {
            iros.TryGetValue(l.ChildId, out var iro);
            var booking = bookings[l.ChildId].FirstOrDefault(b => l.LastReview is null || b.On > l.LastReview);
            return new Row(
                l.LocalId, Child.DisplayNameOf(l.LocalId, l.FirstName, l.LastName), iro?.ReviewingOfficerId, iro?.Name, l.DueDate,
                ListStatus(l.Status), l.Regime ?? default, l.Reliable, l.LastReview, booking);
        })];
    }

    /// <summary>Booked meetings not yet held or cancelled, earliest first, by child.</summary>
    private async Task<ILookup<int, BookedReview>> BookingsAsync(List<int> childIds, CancellationToken ct) =>
        (await db.Reviews.AsNoTracking()
            .Where(r => childIds.Contains(r.ChildId) && r.Status == ReviewStatus.Planned && !r.IsDeleted)
            .Select(r => new { r.ChildId, Booking = new BookedReview(r.Id, r.HeldOn, r.StartsAt, r.Format, r.Venue) })
            .ToListAsync(ct))
        .OrderBy(r => r.Booking.On).ThenBy(r => r.Booking.ReviewId)
        .ToLookup(r => r.ChildId, r => r.Booking);

    private static DueListStatus ListStatus(DueStatus? status) => status switch
    {
        DueStatus.Overdue => DueListStatus.Overdue,
        DueStatus.DueSoon => DueListStatus.DueSoon,
        DueStatus.Scheduled => DueListStatus.Scheduled,
        _ => DueListStatus.Unknown,
    };

    private static DueStatus? StoredStatus(DueListStatus status) => status switch
    {
        DueListStatus.Overdue => DueStatus.Overdue,
        DueListStatus.DueSoon => DueStatus.DueSoon,
        DueListStatus.Scheduled => DueStatus.Scheduled,
        _ => null,
    };
}
