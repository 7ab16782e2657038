using Iro.Domain.Children;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Reviews;

/// <summary>The status filter and tag of a row on the reviews due list.</summary>
public enum DueListStatus { Overdue, DueSoon, Scheduled, Unknown }

/// <summary>
/// Children looked after today with their next review: an IRO's own caseload, an agency's caseload, or the
/// whole service. Caseload means the current allocation, not every child the user may open.
/// </summary>
public sealed class ReviewsDueQuery(IroDbContext db, TimetableService timetables, IOptions<TimetableOptions> options)
{
    public sealed record Row(
        string LocalId, string DisplayName, int? IroId, string? IroName, DateOnly? DueDate, DueListStatus Status,
        ReviewRegime Regime, bool Reliable, DateOnly? LastReview);

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, int? iroId, DueListStatus? status, CancellationToken ct)
    {
        var allocations = db.IroAllocations.Where(a => a.From <= today && (a.To == null || a.To >= today));
        var children = db.Children.InCurrentCaseloadOf(user, today);

        // Cheap pre-filter: an episode open, or ended recently enough for a short-break series still to run.
        var recent = today.AddMonths(-options.Value.ShortBreakSeriesLapseMonths);
        children = children.Where(c => c.Episodes.Any(e => e.Start <= today && (e.End == null || e.End >= recent)));
        if (iroId is { } officer) children = children.Where(c => allocations.Any(a => a.ChildId == c.Id && a.ReviewingOfficerId == officer));

        var entries = await timetables.LoadAsync(children, today, ct);
        var context = await timetables.ContextAsync(ct);
        var ids = entries.Select(e => e.Child.Id).ToList();
        var iros = (await allocations.AsNoTracking()
                .Where(a => ids.Contains(a.ChildId))
                .Select(a => new { a.ChildId, a.From, a.ReviewingOfficerId, a.ReviewingOfficer!.Name })
                .ToListAsync(ct))
            .GroupBy(a => a.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).First());

        var rows = new List<Row>();
        foreach (var entry in entries)
        {
            var period = entry.Timetable.PeriodOn(today);
            if (period is null) continue;
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
            rows.Add(new Row(
                entry.Child.LocalId, entry.Child.DisplayName, iro?.ReviewingOfficerId, iro?.Name, due, rowStatus,
                period.Regime, entry.Timetable.IsReliable, period.Reviews.Count == 0 ? null : period.Reviews[^1].HeldOn));
        }

        return [.. rows.OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.LocalId, StringComparer.Ordinal)];
    }
}
