using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>Writes the record of review as a letter to the child; draft until issued, with its deadlines.</summary>
public sealed class LetterModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public Deadline DecisionsDeadline { get; private set; } = null!;
    public Deadline RecordDeadline { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    [BindProperty] public string? WorkingWell { get; set; }
    [BindProperty] public string? Worries { get; set; }
    [BindProperty] public string? ChildsWords { get; set; }
    [BindProperty] public string? Scaling { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, write: false, ct) is { } notAllowed) return notAllowed;
        (WorkingWell, Worries, ChildsWords, Version) = (Review.LetterWorkingWell, Review.LetterWorries, Review.LetterChildsWords, Review.Version);
        Scaling = Review.LetterScaling?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>Saves the draft.</summary>
    public Task<IActionResult> OnPostDraftAsync(int reviewId, CancellationToken ct) => SaveAsync(reviewId, issue: false, ct);

    /// <summary>Issues the letter; the decisions go out with it if they have not already.</summary>
    public Task<IActionResult> OnPostIssueAsync(int reviewId, CancellationToken ct) => SaveAsync(reviewId, issue: true, ct);

    public async Task<IActionResult> OnPostDecisionsSentAsync(int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, write: true, ct) is { } notAllowed) return notAllowed;
        Review.SendDecisions(workspace.Today);
        return await FinishAsync(reviewId, ct);
    }

    private async Task<IActionResult> SaveAsync(int reviewId, bool issue, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, write: true, ct) is { } notAllowed) return notAllowed;
        var letter = new ReviewLetter(WorkingWell, Worries, ChildsWords, ReadScaling());
        if (!GovukForm.AddProblems(ModelState, Review.LetterProblems(letter, issue))) return Page();

        Review.WriteLetter(letter, issue, workspace.Today);
        return await FinishAsync(reviewId, ct);
    }

    /// <summary>The scaling as a number; anything that is not a whole number is reported here and passed on as not given.</summary>
    private int? ReadScaling()
    {
        if (string.IsNullOrWhiteSpace(Scaling)) return null;
        if (int.TryParse(Scaling.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score)) return score;
        ModelState.AddModelError(nameof(Scaling), Review.ScalingProblem);
        return null;
    }

    private async Task<IActionResult> FinishAsync(int reviewId, CancellationToken ct)
    {
        if (await workspace.TrySaveAsync(Review, Version, ct)) return Redirect(ChildLinks.Review(Child.LocalId, reviewId, "letter"));
        ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int reviewId, bool write, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        if (Review.Status != ReviewStatus.Held) return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
        var today = workspace.Today;
        DecisionsDeadline = ReviewRules.DecisionsDeadline(Review.HeldOn, Review.DecisionsSentOn, today, workspace.Due.Calendar, workspace.Options);
        RecordDeadline = ReviewRules.RecordDeadline(Review.HeldOn, Review.RecordIssuedOn, today, workspace.Due.Calendar, workspace.Options);
        CanEdit = Review.RecordIssuedOn is null && await workspace.Context.CanChangeAsync(Permissions.RecordReviews);
        return write && !CanEdit ? Forbid() : null;
    }
}
