using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
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
public sealed partial class TimetableService(
    IroDbContext db,
    BankHolidayCalendar calendars,
    IOptions<TimetableOptions> options,
    IOptions<TimetableSettings> settings)
{
    private TimetableContext? _context;
    private HistoryStart? _historyStartsOn;

    public async Task<TimetableContext> ContextAsync(CancellationToken ct) =>
        _context ??= new(await calendars.GetAsync(ct), options.Value, await HistoryStartsOnAsync(ct));

    /// <summary>
    /// The one place that decides from when review history is complete: Timetable:HistoryStartsOn when set,
    /// otherwise what the data shows (see <see cref="Interchange.ImportHistory.HistoryStartsOnAsync"/>). Periods
    /// of care that began before it have earlier reviews missing from the data, so their first known review has
    /// no known due date. Read once, like the context it is part of; without the calendar, for the store's
    /// fingerprint, which needs only this.
    /// </summary>
    public async Task<DateOnly?> HistoryStartsOnAsync(CancellationToken ct)
    {
        if (_historyStartsOn is { } known) return known.Date;
        var date = settings.Value.HistoryStartsOn ?? await Interchange.ImportHistory.HistoryStartsOnAsync(db, ct);
        _historyStartsOn = new HistoryStart(date);
        return date;
    }

    /// <summary>One child within the user's scope; null when not found or out of scope.</summary>
    public async Task<ChildTimetableEntry?> LoadChildAsync(CurrentUser user, string localId, DateOnly? heldOnOrBefore, CancellationToken ct)
    {
        var entries = await LoadAsync(db.Children.VisibleTo(user).Where(c => c.LocalId == localId), heldOnOrBefore, ct);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>
    /// Every child in the service with their stored reviews (the command line's service-wide timetable reads only what
    /// it prints, through <see cref="ReadEveryChildAsync"/>). Episodes and reviews are read in table order
    /// rather than child by child through their indexes: for every child, the same rows at a fraction of the cost.
    /// </summary>
    public Task<IReadOnlyList<ChildTimetableEntry>> LoadAllAsync(DateOnly? heldOnOrBefore, CancellationToken ct) =>
        LoadAsync(db.Children, heldOnOrBefore, everyChild: true, ct);

    /// <summary>
    /// Timetables of the given children (the query carries any scope filter), computed from the reviews
    /// held on or before <paramref name="heldOnOrBefore"/> when given.
    /// </summary>
    public Task<IReadOnlyList<ChildTimetableEntry>> LoadAsync(IQueryable<Child> children, DateOnly? heldOnOrBefore, CancellationToken ct) =>
        LoadAsync(children, heldOnOrBefore, everyChild: false, ct);

    /// <param name="everyChild">
    /// The children are every child in the service: their episodes and reviews are read whole and those of children
    /// the query left out (none, bar a child added meanwhile) are dropped.
    /// </param>
    private async Task<IReadOnlyList<ChildTimetableEntry>> LoadAsync(
        IQueryable<Child> children, DateOnly? heldOnOrBefore, bool everyChild, CancellationToken ct)
    {
        var context = await ContextAsync(ct);
        children = children.AsNoTracking();
        var ids = children.Select(c => c.Id);

        var people = await children
            .OrderBy(c => c.LocalId)
            .Select(c => new TimetableChild(c.Id, c.LocalId, c.FirstName, c.LastName))
            .ToListAsync(ct);
        if (people.Count == 0) return [];
        var positions = new Dictionary<int, int>(people.Count);
        for (var i = 0; i < people.Count; i++) positions[people[i].Id] = i;

        // Only what the engine reads, projected into detached episodes.
        var episodeRows = everyChild ? db.Scanned<CareEpisode>().AsNoTracking() : db.CareEpisodes.AsNoTracking().Where(e => ids.Contains(e.ChildId));
        var episodes = RowsByChild<CareEpisode>.Group(
            await episodeRows
                .Select(e => new CareEpisode
                {
                    ChildId = e.ChildId, Start = e.Start, End = e.End, ReasonForNewEpisode = e.ReasonForNewEpisode,
                    ReasonCeased = e.ReasonCeased, LegalStatus = e.LegalStatus, Placement = e.Placement,
                })
                .ToListAsync(ct),
            e => e.ChildId,
            positions);

        var reviewRows = everyChild ? db.Scanned<Review>().AsNoTracking() : db.Reviews.AsNoTracking().Where(r => ids.Contains(r.ChildId));
        var reviews = RowsByChild<ReviewRow>.Group(
            await HeldUpTo(reviewRows, heldOnOrBefore)
                .Select(r => new ReviewRow(r.ChildId, new StoredReview(r.Id, r.HeldOn, r.LateReason, r.LateReasonNote)))
                .ToListAsync(ct),
            r => r.ChildId,
            positions);

        using var measured = Operations.Telemetry.IroTelemetry.Timetables(people.Count);
        var result = new ChildTimetableEntry[people.Count];
        // The engine is pure and the calendar thread-safe: children are computed on every core, each into its place.
        Parallel.For(0, people.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var stored = Sorted(reviews[i]);
            var dates = new DateOnly[stored.Length];
            for (var r = 0; r < stored.Length; r++) dates[r] = stored[r].HeldOn;
            result[i] = new ChildTimetableEntry(people[i], context.Compute(episodes[i], dates), stored);
        });

        return result;
    }

    /// <summary>The reviews a timetable is computed from: those held, on or before <paramref name="heldOnOrBefore"/> when given.</summary>
    private static IQueryable<Review> HeldUpTo(IQueryable<Review> reviews, DateOnly? heldOnOrBefore) =>
        heldOnOrBefore is { } limit ? reviews.Held().Where(r => r.HeldOn <= limit) : reviews.Held();

    /// <summary>A child's reviews in the order they were held (by ID on the same day).</summary>
    private static StoredReview[] Sorted(ArraySegment<ReviewRow> rows)
    {
        var stored = new StoredReview[rows.Count];
        for (var r = 0; r < stored.Length; r++) stored[r] = rows[r].Review;
        Array.Sort(stored, static (a, b) => a.HeldOn != b.HeldOn ? a.HeldOn.CompareTo(b.HeldOn) : a.Id.CompareTo(b.Id));
        return stored;
    }

    private sealed record ReviewRow(int ChildId, StoredReview Review);

    /// <summary>The history start once read (null itself being an answer).</summary>
    private sealed record HistoryStart(DateOnly? Date);
}
