using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// Loads a child and their reviews for the review pages, always through <see cref="ChildAccess.VisibleTo"/>:
/// a child or review outside the user's scope is not found, for reads and for writes alike.
/// </summary>
public sealed class ReviewWorkspace(IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock, IOptions<ReviewOptions> options, NextReviewDue due)
{
    public IroDbContext Db => db;

    /// <summary>Due dates and the working-day calendar, ready once a child has been loaded.</summary>
    public NextReviewDue Due => due;
    public ReviewOptions Options => options.Value;
    /// <summary>Today in the service's time zone (Europe/London), whatever the server's own zone.</summary>
    public DateOnly Today => ServiceDate(clock.GetUtcNow());

    private static readonly TimeZoneInfo ServiceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The date in London at an instant: the service's "today", whatever the server's own zone.</summary>
    public static DateOnly ServiceDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ServiceTimeZone).Date);
    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<CurrentUser> UserAsync(CancellationToken ct) => currentUser.GetAsync(ct);

    /// <summary>The child with episodes, allocations and every non-deleted review (planned, held, cancelled), tracked for update.</summary>
    public async Task<Child?> ChildAsync(string localId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        await due.PrepareAsync(ct);
        return await db.Children.VisibleTo(user)
            .Include(c => c.Episodes)
            .Include(c => c.IroAllocations).ThenInclude(a => a.ReviewingOfficer)
            .Include(c => c.Reviews).ThenInclude(r => r.Chair)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.LocalId == localId, ct);
    }

    /// <summary>One review of a visible child, with its decisions and change requests; null when either is not found.</summary>
    public async Task<(Child Child, Review Review)?> ReviewAsync(string localId, int reviewId, CancellationToken ct)
    {
        var child = await ChildAsync(localId, ct);
        var review = child?.Reviews.SingleOrDefault(r => r.Id == reviewId);
        if (child is null || review is null) return null;
        await db.Entry(review).Collection(r => r.Decisions).LoadAsync(ct);
        await db.Entry(review).Collection(r => r.ChangeRequests).LoadAsync(ct);
        review.Decisions.Sort((a, b) => a.Id.CompareTo(b.Id));
        review.ChangeRequests.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (child, review);
    }

    /// <summary>The child's current IRO, the default chair.</summary>
    public static int? CurrentIroId(Child child, DateOnly today) =>
        child.IroAllocations.Where(a => a.IsCurrentOn(today)).OrderBy(a => a.From).LastOrDefault()?.ReviewingOfficerId;

    /// <summary>
    /// Saves with the concurrency check: the version the form was loaded with must still be the stored one.
    /// Returns false, saving nothing, when someone else saved the entry in between.
    /// </summary>
    public async Task<bool> TrySaveAsync(IVersioned entry, Guid loadedVersion, CancellationToken ct)
    {
        db.Entry(entry).Property(nameof(IVersioned.Version)).OriginalValue = loadedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public const string ConcurrencyMessage =
        "Someone else changed this review while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";
}
