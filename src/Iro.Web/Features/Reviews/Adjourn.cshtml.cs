using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>The IRO adjourns a review meeting: once only, to resume within the configured working days.</summary>
[Authorize(Policy = Permissions.RecordReviews)]
public sealed class AdjournModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public ReviewOptions Options => workspace.Options;

    [BindProperty] public DateInput AdjournedOn { get; set; } = new();
    [BindProperty] public DateInput ResumesOn { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        if (workspace.ReadOnlyAddress(reviewId) is { } readOnly) return Redirect(readOnly);
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        (AdjournedOn, Version) = (DateInput.From(Review.HeldOn), Review.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reviewId, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        var adjournment = new ReviewAdjournment(
            AdjournedOn.Read(ModelState, nameof(AdjournedOn), "Date adjourned"), ResumesOn.Read(ModelState, nameof(ResumesOn), "Date the review resumes"), Reason);
        if (!GovukForm.AddProblems(ModelState, Review.AdjournmentProblems(adjournment, workspace.Due.Calendar, Options.AdjournmentMaxWorkingDays))) return Page();

        Review.Adjourn(adjournment, workspace.Due.Calendar, Options.AdjournmentMaxWorkingDays);
        if (!await workspace.TrySaveAsync(Review, Version, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return Page();
        }

        return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
    }
}
