using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>The review's decisions: what, who (name and role), by when, and their progress.</summary>
public sealed class DecisionsModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>Decisions may be added and changed: a held review of a child in the user's write scope, with the permission.</summary>
    public bool CanEdit { get; private set; }

    private CurrentUser _user = null!;

    /// <summary>Whether the user may change or delete this decision: their own, or anyone's with a reason (managers).</summary>
    public bool MayChange(ReviewDecision decision) => CanEdit && Authorship.MayChange(decision, _user);

    /// <summary>Whether changing this decision asks the user why (it is someone else's).</summary>
    public bool AsksForReason(ReviewDecision decision) => Authorship.AsksForReason(decision, _user);

    /// <summary>Why a manager is changing or deleting a decision someone else wrote; kept in the audit.</summary>
    [BindProperty(Name = Authorship.ReasonField)] public string? ChangeReason { get; set; }

    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? PersonRole { get; set; }
    [BindProperty] public DateInput DueBy { get; set; } = new();

    /// <summary>The decision the user asked to delete, shown for confirmation before anything is deleted.</summary>
    public ReviewDecision? ConfirmingDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct) =>
        await LoadAsync(reviewId, write: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, write: true, ct) is { } notAllowed) return notAllowed;
        var entry = new DecisionEntry(What, PersonName, PersonRole, DueBy.Read(ModelState, nameof(DueBy), "By when"));
        if (!GovukForm.AddProblems(ModelState, Review.DecisionProblems(entry))) return Page();

        var user = await workspace.UserAsync(ct);
        Review.AddDecision(entry, user.DisplayName);
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Review(Child.LocalId, reviewId, "decisions"));
    }

    public async Task<IActionResult> OnPostStatusAsync(int reviewId, int decisionId, DecisionStatus status, Guid version, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, write: true, ct) is { } notAllowed) return notAllowed;
        var decision = Review.Decisions.SingleOrDefault(d => d.Id == decisionId);
        if (decision is null) return NotFound();
        var (stop, reason) = await workspace.CheckAuthorshipAsync(this, decision, ChangeReason, ct);
        if (stop is not null) return stop;
        decision.ChangeStatus(status, workspace.Today);
        if (!await workspace.TrySaveAsync(decision, version, reason, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return await ReloadAsync(reviewId, ct);
        }

        return Redirect(ChildLinks.Review(Child.LocalId, reviewId, "decisions"));
    }

    /// <summary>
    /// Asks before deleting: the decision and a warning button that posts the deletion. It is the decisions page
    /// with a question on it, readable like the page itself: without the permission to edit, or for a decision that
    /// is not this review's, the page is shown without the question (deleting still needs the permission).
    /// </summary>
    public async Task<IActionResult> OnGetConfirmDeleteAsync(int reviewId, int? decisionId, CancellationToken ct)
    {
        await LoadAsync(reviewId, write: false, ct);
        ConfirmingDelete = Review.Decisions.SingleOrDefault(d => d.Id == decisionId) is { } decision && MayChange(decision) ? decision : null;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int reviewId, int decisionId, Guid version, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, write: true, ct) is { } notAllowed) return notAllowed;
        var decision = Review.Decisions.SingleOrDefault(d => d.Id == decisionId);
        if (decision is null) return NotFound();
        ConfirmingDelete = decision;
        var (stop, reason) = await workspace.CheckAuthorshipAsync(this, decision, ChangeReason, ct);
        if (stop is not null) return stop;
        ConfirmingDelete = null;
        workspace.Db.ReviewDecisions.Remove(decision); // made a soft delete, and audited, on save
        if (!await workspace.TrySaveAsync(decision, version, reason, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return await ReloadAsync(reviewId, ct);
        }

        return Redirect(ChildLinks.Review(Child.LocalId, reviewId, "decisions"));
    }

    // After a refused save the tracked entries hold the rejected values; show what is stored instead.
    private async Task<IActionResult> ReloadAsync(int reviewId, CancellationToken ct)
    {
        workspace.Db.ChangeTracker.Clear();
        return await LoadAsync(reviewId, write: false, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int reviewId, bool write, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        Today = workspace.Today;
        _user = await workspace.UserAsync(ct);
        CanEdit = Review.Status == ReviewStatus.Held && await workspace.Context.CanChangeAsync(Permissions.RecordReviews);
        return write && !CanEdit ? Forbid() : null;
    }
}
