using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>Asks to postpone or cancel a booked review. Nothing changes until a manager approves.</summary>
[Authorize(Policy = Permissions.PlanReviews)]
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

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        if (workspace.ReadOnlyAddress(reviewId) is { } readOnly) return Redirect(readOnly);
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reviewId, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        var newDate = Kind == ReviewChangeKind.Postpone ? NewDate.Read(ModelState, nameof(NewDate), "New date") : null;
        LateWarning = newDate is { } date ? ReviewDates.LateWarning(date, DueOn) : null;
        var (today, horizon) = (workspace.Today, workspace.Options.BookingHorizonMonths);
        if (!GovukForm.AddProblems(ModelState, ReviewChanges.Problems(Review, Kind, Reason, newDate, today, horizon))) return Page();

        var user = await workspace.UserAsync(ct);
        ReviewChanges.Request(Review, Kind, Reason, newDate, user.DisplayName, today, horizon);
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
    }
}
