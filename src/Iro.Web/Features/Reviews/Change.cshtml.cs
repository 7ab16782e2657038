using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>Asks to postpone or cancel a booked review. Nothing changes until a manager approves.</summary>
public sealed class ChangeModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public DateOnly? DueOn => Review.DueOn ?? workspace.Due.For(Child);
    public DateOnly LatestBooking => ReviewDates.LatestBooking(workspace.Today, workspace.Options.BookingHorizonMonths);

    /// <summary>Shown, not enforced: the new date is after the due date, so the review will be late.</summary>
    public string? LateWarning { get; private set; }

    [BindProperty] public ReviewChangeKind? Kind { get; set; }
    [BindProperty] public DateInput NewDate { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string childId, int reviewId, CancellationToken ct) =>
        await LoadAsync(childId, reviewId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(childId, reviewId, ct) is { } notAllowed) return notAllowed;
        var newDate = Kind == ReviewChangeKind.Postpone ? NewDate.Read(ModelState, nameof(NewDate), "New date") : null;
        if (Kind is null) ModelState.AddModelError(nameof(Kind), "Select whether to postpone or cancel the review");
        else
        {
            var dateUnreadable = ModelState[nameof(NewDate)] is { Errors.Count: > 0 };
            foreach (var (field, message) in ReviewChanges.Problems(Review, Kind.Value, Reason, newDate, workspace.Today, workspace.Options.BookingHorizonMonths))
                if (!(dateUnreadable && field == nameof(NewDate))) ModelState.AddModelError(field, message);
        }

        LateWarning = newDate is { } date ? ReviewDates.LateWarning(date, DueOn) : null;

        if (!ModelState.IsValid) return Page();
        var user = await workspace.UserAsync(ct);
        Review.ChangeRequests.Add(new ReviewChangeRequest
        {
            Kind = Kind!.Value, NewDate = newDate, Reason = Reason!.Trim(),
            State = ApprovalState.Pending, CreatedByName = user.DisplayName,
        });
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect($"/children/{childId}/reviews/{reviewId}");
    }

    private async Task<IActionResult?> LoadAsync(string childId, int reviewId, CancellationToken ct)
    {
        var found = await workspace.ReviewAsync(childId, reviewId, ct);
        if (found is null) return NotFound();
        (Child, Review) = found.Value;
        return ReviewPermissions.CanPlan(await workspace.UserAsync(ct)) ? null : Forbid();
    }
}
