using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Timetable;

public sealed partial class TimetableService
{
    /// <summary>
    /// Every child in the service with the episodes and review dates their timetables are computed from, for the
    /// command line's service-wide timetable: the same children, rows and order as <see cref="LoadAllAsync"/>, read
    /// straight from the queries' data readers (<see cref="QueryRows"/>, EF Core's own SQL, so query filters apply)
    /// and only the columns the engine reads. The timetables are computed when asked for, so a caller can compute and
    /// write them together, a block at a time, without holding them all.
    /// </summary>
    public async Task<EveryChildTimetables> ReadEveryChildAsync(DateOnly? heldOnOrBefore, CancellationToken ct)
    {
        var context = await ContextAsync(ct);
        var ids = new List<int>();
        var localIds = new List<string>();
        await db.Children.AsNoTracking()
            .OrderBy(c => c.LocalId)
            .Select(c => new { c.Id, c.LocalId })
            .ReadEachAsync(db, r =>
            {
                ids.Add(r.GetInt32(0));
                localIds.Add(r.GetString(1));
            }, ct);
        var positions = new Dictionary<int, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++) positions[ids[i]] = i;

        var episodes = new List<CareEpisode>();
        await db.Scanned<CareEpisode>().AsNoTracking()
            .Select(e => new { e.ChildId, e.Start, e.End, e.ReasonForNewEpisode, e.ReasonCeased, e.LegalStatus, e.Placement })
            .ReadEachAsync(db, r => episodes.Add(new CareEpisode
            {
                ChildId = r.GetInt32(0), Start = r.GetDate(1), End = r.GetDateOrNull(2),
                ReasonForNewEpisode = r.GetEnum<ReasonForNewEpisode>(3), ReasonCeased = r.GetEnumOrNull<ReasonEpisodeCeased>(4),
                LegalStatus = r.GetEnum<LegalStatus>(5), Placement = r.GetEnum<PlacementType>(6),
            }), ct);

        var reviews = new List<HeldReview>();
        await HeldUpTo(db.Scanned<Review>().AsNoTracking(), heldOnOrBefore)
            .Select(r => new { r.ChildId, r.HeldOn })
            .ReadEachAsync(db, r => reviews.Add(new HeldReview(r.GetInt32(0), r.GetDate(1))), ct);

        return new EveryChildTimetables(
            localIds,
            RowsByChild<CareEpisode>.Group(episodes, static e => e.ChildId, positions),
            RowsByChild<HeldReview>.Group(reviews, static r => r.ChildId, positions),
            context);
    }
}

/// <summary>A review held: its child and date, as read for every child.</summary>
internal readonly record struct HeldReview(int ChildId, DateOnly HeldOn);

/// <summary>Every child's local ID, in local ID order as <see cref="TimetableService.LoadAllAsync"/> lists them, and their timetables on demand.</summary>
public sealed class EveryChildTimetables
{
    private readonly RowsByChild<CareEpisode> _episodes;
    private readonly RowsByChild<HeldReview> _reviews;
    private readonly TimetableContext _context;

    internal EveryChildTimetables(
        IReadOnlyList<string> localIds, RowsByChild<CareEpisode> episodes, RowsByChild<HeldReview> reviews, TimetableContext context)
    {
        LocalIds = localIds;
        _episodes = episodes;
        _reviews = reviews;
        _context = context;
    }

    public IReadOnlyList<string> LocalIds { get; }

    public int Count => LocalIds.Count;

    /// <summary>The timetable of the child at <paramref name="position"/>; pure, so children can be computed on every core.</summary>
    public ChildTimetable Compute(int position)
    {
        var held = _reviews[position];
        var dates = new DateOnly[held.Count];
        for (var r = 0; r < dates.Length; r++) dates[r] = held[r].HeldOn;
        return _context.Compute(_episodes[position], dates);
    }

    /// <summary>Every child's timetable, in order, computed on every core.</summary>
    public IReadOnlyList<ChildTimetable> ComputeAll(CancellationToken ct)
    {
        using var measured = Operations.Telemetry.IroTelemetry.Timetables(Count);
        var timetables = new ChildTimetable[Count];
        Parallel.For(0, Count, new ParallelOptions { CancellationToken = ct }, i => timetables[i] = Compute(i));
        return timetables;
    }
}
