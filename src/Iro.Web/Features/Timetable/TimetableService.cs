using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Timetable;

/// <summary>A child as the timetable lists show them.</summary>
public sealed record TimetableChild(int Id, string LocalId, string? FirstName, string? LastName)
{
    public string DisplayName =>
        Child.DisplayNameOf(LocalId, FirstName, LastName);
}

/// <summary>A stored review, as far as the timetable pages need it.</summary>
public sealed record StoredReview(int Id, DateOnly HeldOn, ReasonForLateness? LateReason, string? LateReasonNote);

/// <summary>A child's computed timetable with the stored reviews behind it.</summary>
public sealed record ChildTimetableEntry(TimetableChild Child, ChildTimetable Timetable, IReadOnlyList<StoredReview> Reviews)
{
    /// <summary>The stored review behind a timetabled one (the first, when duplicates share a date).</summary>
    public StoredReview? StoredFor(TimetabledReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return Reviews.FirstOrDefault(r => r.HeldOn == review.HeldOn);
    }
}

/// <summary>
/// Loads children's episodes and reviews and computes their timetables. Three set-based queries whatever
/// the number of children (children, episodes, reviews), read without tracking.
/// </summary>
public sealed class TimetableService(
    IroDbContext db,
    BankHolidayCalendar calendars,
    IOptions<TimetableOptions> options,
    IOptions<TimetableSettings> settings)
{
    private TimetableContext? _context;

    public async Task<TimetableContext> ContextAsync(CancellationToken ct) =>
        _context ??= new(await calendars.GetAsync(ct), options.Value, await HistoryStartsOnAsync(ct));

    /// <summary>
    /// The one place that decides from when review history is complete: Timetable:HistoryStartsOn when set,
    /// otherwise what the data shows (see <see cref="Interchange.ImportHistory.HistoryStartsOnAsync"/>). Periods
    /// of care that began before it have earlier reviews missing from the data, so their first known review has
    /// no known due date.
    /// </summary>
    private async Task<DateOnly?> HistoryStartsOnAsync(CancellationToken ct) =>
        settings.Value.HistoryStartsOn ?? await Interchange.ImportHistory.HistoryStartsOnAsync(db, ct);

    /// <summary>One child within the user's scope; null when not found or out of scope.</summary>
    public async Task<ChildTimetableEntry?> LoadChildAsync(CurrentUser user, string localId, DateOnly? heldOnOrBefore, CancellationToken ct)
    {
        var entries = await LoadAsync(db.Children.VisibleTo(user).Where(c => c.LocalId == localId), heldOnOrBefore, ct);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>Every child in the service, for aggregates and the command line.</summary>
    public Task<IReadOnlyList<ChildTimetableEntry>> LoadAllAsync(DateOnly? heldOnOrBefore, CancellationToken ct) =>
        LoadAsync(db.Children, heldOnOrBefore, ct);

    /// <summary>
    /// Timetables of the given children (the query carries any scope filter), computed from the reviews
    /// held on or before <paramref name="heldOnOrBefore"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<ChildTimetableEntry>> LoadAsync(IQueryable<Child> children, DateOnly? heldOnOrBefore, CancellationToken ct)
    {
        var context = await ContextAsync(ct);
        children = children.AsNoTracking();
        var ids = children.Select(c => c.Id);

        var people = await children
            .OrderBy(c => c.LocalId)
            .Select(c => new TimetableChild(c.Id, c.LocalId, c.FirstName, c.LastName))
            .ToListAsync(ct);
        if (people.Count == 0) return [];

        // Only what the engine reads, projected into detached episodes.
        var episodes = (await db.CareEpisodes.AsNoTracking()
                .Where(e => ids.Contains(e.ChildId))
                .Select(e => new CareEpisode
                {
                    ChildId = e.ChildId, Start = e.Start, End = e.End, ReasonForNewEpisode = e.ReasonForNewEpisode,
                    ReasonCeased = e.ReasonCeased, LegalStatus = e.LegalStatus, Placement = e.Placement,
                })
                .ToListAsync(ct))
            .ToLookup(e => e.ChildId);

        var reviewQuery = db.Reviews.AsNoTracking().Held().Where(r => ids.Contains(r.ChildId));
        if (heldOnOrBefore is { } limit) reviewQuery = reviewQuery.Where(r => r.HeldOn <= limit);
        var reviews = (await reviewQuery
                .Select(r => new { r.ChildId, Review = new StoredReview(r.Id, r.HeldOn, r.LateReason, r.LateReasonNote) })
                .ToListAsync(ct))
            .ToLookup(r => r.ChildId, r => r.Review);

        using var measured = Operations.Telemetry.IroTelemetry.Timetables(people.Count);
        var result = new ChildTimetableEntry[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            var child = people[i];
            var stored = reviews[child.Id].OrderBy(r => r.HeldOn).ThenBy(r => r.Id).ToArray();
            var timetable = context.Compute([.. episodes[child.Id]], [.. stored.Select(r => r.HeldOn)]);
            result[i] = new ChildTimetableEntry(child, timetable, stored);
        }

        return result;
    }
}
