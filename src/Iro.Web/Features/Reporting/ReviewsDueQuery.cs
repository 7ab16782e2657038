using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Reporting;

/// <summary>The next booked review meeting (not yet held): its date, time, format and venue.</summary>
public sealed record BookedReview(int ReviewId, DateOnly On, TimeOnly? At, MeetingFormat? Format, string? Venue);

/// <summary>
/// Children looked after today with their next review: an IRO's own caseload, an agency's caseload, or the
/// whole service. Caseload means the current allocation, not every child the user may open.
/// </summary>
public sealed class ReviewsDueQuery(IroDbContext db, TimetableService timetables, IOptions<TimetableOptions> options)
{
    public sealed record Row(
        string LocalId, string DisplayName, int? IroId, string? IroName, DateOnly? DueDate, DueListStatus Status,
        ReviewRegime Regime, bool Reliable, DateOnly? LastReview, BookedReview? Booking)
    {
        /// <summary>Booked for a date after the review is due: it will be late unless brought forward.</summary>
        public bool BookedAfterDue => Booking is { } b && ReviewRules.IsLate(b.On, DueDate);
    }

    public async Task<ReviewsDueReport> RunAsync(CurrentUser user, DateOnly today, int? iroId, DueListStatus? status, CancellationToken ct)
    {
        var allocations = db.IroAllocations.CurrentOn(today);
        var children = db.Children.InCurrentCaseloadOf(user, today);

        // Cheap pre-filter, wider than "looked after today": an episode open, or ended recently enough for a
        // short-break series still to run. Which children are looked after is decided below.
        var recent = today.AddMonths(-options.Value.ShortBreakSeriesLapseMonths);
        children = children.LookedAfterDuring(recent, today);
        if (iroId is { } officer) children = children.Where(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficerId == officer));

        var entries = await timetables.LoadAsync(children, today, ct);
        var context = await timetables.ContextAsync(ct);
        var ids = entries.Select(e => e.Child.Id).ToList();
        var iros = (await allocations.AsNoTracking()
                .Where(a => ids.Contains(a.ChildId))
                .Select(a => new { a.ChildId, a.From, a.ReviewingOfficerId, a.ReviewingOfficer!.Name })
                .ToListAsync(ct))
            .GroupBy(a => a.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).First());
        var inCareToday = (await db.CareEpisodes.AsNoTracking()
                .Where(e => ids.Contains(e.ChildId))
                .Where(CareRules.EpisodeOpenOn(today))
                .Select(e => e.ChildId)
                .ToListAsync(ct))
            .ToHashSet();
        var bookings = await BookingsAsync(ids, ct);

        var rows = new List<Row>();
        foreach (var entry in entries)
        {
            var period = entry.Timetable.PeriodOn(today);
            if (period is null) continue;
            // Between short breaks the child is not in care; the series still runs while an IRO is allocated.
            // Without one, the breaks have ended and the child is no longer looked after.
            var lookedAfter = inCareToday.Contains(entry.Child.Id)
                || (period.Regime == ReviewRegime.ShortBreak && iros.ContainsKey(entry.Child.Id));
            if (!lookedAfter) continue;
            var due = period.DueDateOn(today);
            var rowStatus = context.StatusOn(entry.Timetable, today) switch
            {
                DueStatus.Overdue => DueListStatus.Overdue,
                DueStatus.DueSoon => DueListStatus.DueSoon,
                DueStatus.Scheduled => DueListStatus.Scheduled,
                _ => DueListStatus.Unknown,
            };
            if (status is { } wanted && rowStatus != wanted) continue;
            iros.TryGetValue(entry.Child.Id, out var iro);
            var lastReview = period.Reviews.Count == 0 ? (DateOnly?)null : period.Reviews[^1].HeldOn;
            var booking = bookings[entry.Child.Id].FirstOrDefault(b => lastReview is null || b.On > lastReview);
            rows.Add(new Row(
                entry.Child.LocalId, entry.Child.DisplayName, iro?.ReviewingOfficerId, iro?.Name, due, rowStatus,
                period.Regime, entry.Timetable.IsReliable, lastReview, booking));
        }

        return new ReviewsDueReport(today, [.. rows.OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.LocalId, StringComparer.Ordinal)]);
    }

    /// <summary>Booked meetings not yet held or cancelled, earliest first, by child.</summary>
    private async Task<ILookup<int, BookedReview>> BookingsAsync(List<int> childIds, CancellationToken ct) =>
        (await db.Reviews.AsNoTracking()
            .Where(r => childIds.Contains(r.ChildId) && r.Status == ReviewStatus.Planned && !r.IsDeleted)
            .Select(r => new { r.ChildId, Booking = new BookedReview(r.Id, r.HeldOn, r.StartsAt, r.Format, r.Venue) })
            .ToListAsync(ct))
        .OrderBy(r => r.Booking.On).ThenBy(r => r.Booking.ReviewId)
        .ToLookup(r => r.ChildId, r => r.Booking);
}
