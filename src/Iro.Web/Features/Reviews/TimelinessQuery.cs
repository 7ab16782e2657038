using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// A reporting year's timeliness (service-wide aggregates, which name no child) beside the year before,
/// and the late reviews of the year within the user's scope.
/// </summary>
public sealed class TimelinessQuery(IroDbContext db, TimetableService timetables)
{
    public sealed record LateReview(
        int ReviewId, string LocalId, string DisplayName, DateOnly HeldOn, DateOnly DueDate, int DaysLate,
        ReasonForLateness? Reason, string? Note);

    /// <param name="Late">The year's late reviews, latest first; null for users who may not see children.</param>
    public sealed record Result(TimelinessReport Year, TimelinessReport PreviousYear, IReadOnlyList<LateReview>? Late);

    public async Task<Result> RunAsync(CurrentUser user, ReportingYear year, CancellationToken ct)
    {
        // Reviews held after the year cannot change its figures; the year before needs nothing further.
        var entries = await timetables.LoadAllAsync(year.End, ct);
        var reviews = entries.SelectMany(e => e.Timetable.AllReviews).ToList();
        var current = TimelinessReport.For(reviews, year);
        var previous = TimelinessReport.For(reviews, new ReportingYear(year.StartYear - 1));
        if (user.Scope == ChildScope.None) return new Result(current, previous, null);

        var visible = (await db.Children.AsNoTracking().VisibleTo(user).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var late = new List<LateReview>();
        foreach (var entry in entries)
        {
            if (!visible.Contains(entry.Child.Id)) continue;
            foreach (var r in entry.Timetable.AllReviews)
            {
                if (!r.CountsForTimeliness || r.OnTime != false || !year.Contains(r.HeldOn)) continue;
                var stored = entry.StoredFor(r);
                if (stored is null) continue;
                late.Add(new LateReview(stored.Id, entry.Child.LocalId, entry.Child.DisplayName, r.HeldOn, r.DueDate!.Value,
                    r.DaysLate ?? 0, stored.LateReason, stored.LateReasonNote));
            }
        }

        return new Result(current, previous, [.. late.OrderByDescending(l => l.HeldOn).ThenBy(l => l.LocalId, StringComparer.Ordinal)]);
    }
}
