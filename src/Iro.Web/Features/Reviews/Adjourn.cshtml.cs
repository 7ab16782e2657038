using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>The IRO adjourns a review meeting: once only, to resume within the configured working days.</summary>
public sealed class AdjournModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public ReviewOptions Options => workspace.Options;

    [BindProperty] public DateInput AdjournedOn { get; set; } = new();
    [BindProperty] public DateInput ResumesOn { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(childId, reviewId, ct) is { } notAllowed) return notAllowed;
        (AdjournedOn, Version) = (DateInput.From(Review.HeldOn), Review.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(childId, reviewId, ct) is { } notAllowed) return notAllowed;
        var adjournedOn = AdjournedOn.Read(ModelState, nameof(AdjournedOn), "Date adjourned", "Enter the date the review was adjourned");
        var resumesOn = ResumesOn.Read(ModelState, nameof(ResumesOn), "Date the review resumes", "Enter the date the review will resume");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the review was adjourned");
        GovukForm.CheckLength(ModelState, nameof(Reason), Reason, ReviewTextLimits.Reason, "Reason");
        if (Review.Status != ReviewStatus.Planned) ModelState.AddModelError("", "Only a review that has not been completed can be adjourned");
        if (adjournedOn is { } from && resumesOn is { } to
            && ReviewRules.AdjournmentProblem(Review.AdjournedOn, from, to, workspace.Due.Calendar, Options.AdjournmentMaxWorkingDays) is { } problem)
            ModelState.AddModelError(Review.AdjournedOn is null ? nameof(ResumesOn) : "", problem);
        if (!ModelState.IsValid) return Page();

        (Review.AdjournedOn, Review.HeldOn, Review.AdjournmentReason) = (adjournedOn, resumesOn!.Value, Reason!.Trim());
        if (!await workspace.TrySaveAsync(Review, Version, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return Page();
        }

        return Redirect($"/children/{childId}/reviews/{reviewId}");
    }

    private async Task<IActionResult?> LoadAsync(string childId, int reviewId, CancellationToken ct)
    {
        var found = await workspace.ReviewAsync(childId, reviewId, ct);
        if (found is null) return NotFound();
        (Child, Review) = found.Value;
        return ReviewPermissions.CanRecord(await workspace.UserAsync(ct)) ? null : Forbid();
    }
}
