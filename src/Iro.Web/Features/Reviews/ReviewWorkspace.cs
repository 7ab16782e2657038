using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// The child's data for the review pages, tracked for update. The child context has already loaded the child
/// within the user's scope (and checked that the review is theirs), so this loads by the child's key only.
/// </summary>
public sealed class ReviewWorkspace(IroDbContext db, ChildContext context, TimeProvider clock, IOptions<ReviewOptions> options, NextReviewDue due, ChangeReason reason)
{
    public IroDbContext Db => db;

    /// <summary>The child the request is about, with the user's permissions for them.</summary>
    public ChildContext Context => context;

    /// <summary>Due dates and the working-day calendar, ready once a child has been loaded.</summary>
    public NextReviewDue Due => due;
    public ReviewOptions Options => options.Value;

    /// <summary>Today in the service's time zone.</summary>
    public DateOnly Today => clock.ServiceToday();
    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<CurrentUser> UserAsync(CancellationToken ct) => context.UserAsync(ct);

    /// <summary>The child with episodes, allocations and every non-deleted review (planned, held, cancelled), tracked for update.</summary>
    public async Task<Child> ChildAsync(CancellationToken ct)
    {
        await due.PrepareAsync(ct);
        var key = context.ChildKey;
        return await db.Children
            .Include(c => c.Episodes)
            .Include(c => c.IroAllocations).ThenInclude(a => a.ReviewingOfficer)
            .Include(c => c.Reviews).ThenInclude(r => r.Chair)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == key, ct);
    }

    /// <summary>One review of the child, with its decisions and change requests.</summary>
    public async Task<(Child Child, Review Review)> ReviewAsync(int reviewId, CancellationToken ct)
    {
        var child = await ChildAsync(ct);
        var review = child.Reviews.Single(r => r.Id == reviewId);
        await db.Entry(review).Collection(r => r.Decisions).LoadAsync(ct);
        await db.Entry(review).Collection(r => r.ChangeRequests).LoadAsync(ct);
        review.Decisions.Sort((a, b) => a.Id.CompareTo(b.Id));
        review.ChangeRequests.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (child, review);
    }

    /// <summary>
    /// Where a form page sends someone who may read the child but not change their records (<see cref="WriteScope"/>):
    /// the review, or the child's reviews; null when they may change them. Their posts are refused anyway.
    /// </summary>
    public string? ReadOnlyAddress(int? reviewId) =>
        context.CanWrite ? null : reviewId is { } id ? ChildLinks.Review(context.ChildId, id) : ChildLinks.Reviews(context.ChildId);

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

    /// <summary>
    /// <see cref="TrySaveAsync(IVersioned, Guid, CancellationToken)"/> for a change the user had to explain (an entry
    /// someone else wrote): the reason is written on the change's audit entries. Without a reason, a plain save.
    /// </summary>
    public async Task<bool> TrySaveAsync(IVersioned entry, Guid loadedVersion, string? changeReason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(changeReason)) return await TrySaveAsync(entry, loadedVersion, ct);
        using (reason.Because(changeReason)) return await TrySaveAsync(entry, loadedVersion, ct);
    }

    /// <summary>
    /// Applies the author rule (<see cref="Authorship"/>) to a change the page is about to make to an entry. Returns
    /// what the page answers instead of saving (a refusal, or the page with a problem asking for the reason), or
    /// null to go ahead, with the reason to write on the audit entry (none for the author's own entry).
    /// </summary>
    public async Task<(IActionResult? Stop, string? AuditedReason)> CheckAuthorshipAsync(
        PageModel page, IAttributed entry, string? changeReason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        switch (Authorship.Judge(entry, await UserAsync(ct), changeReason))
        {
            case AuthorshipVerdict.Author:
                return (null, null);
            case AuthorshipVerdict.WithReason:
                return (null, changeReason);
            case AuthorshipVerdict.NeedsReason:
                page.ModelState.AddModelError(Authorship.ReasonField, Authorship.ReasonProblem(changeReason)!);
                return (page.Page(), null);
            default:
                return (page.Forbid(), null);
        }
    }

    public const string ConcurrencyMessage =
        "Someone else changed this review while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";
}
