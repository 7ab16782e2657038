using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>Books the next review against its due date, or updates a booking and its consultation forms.</summary>
[Authorize(Policy = Permissions.PlanReviews)]
public sealed class PlanModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public DateOnly? DueOn { get; private set; }
    public bool IsNew { get; private set; }
    public DateOnly LatestBooking => ReviewDates.LatestBooking(workspace.Today, workspace.Options.BookingHorizonMonths);

    /// <summary>Shown, not enforced: the date entered is after the due date, so the review will be late.</summary>
    public string? LateWarning { get; private set; }

    [BindProperty] public DateInput Date { get; set; } = new();
    [BindProperty] public TimeOnly? StartsAt { get; set; }
    [BindProperty] public MeetingFormat? Format { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public bool InviteChild { get; set; }
    [BindProperty] public bool InviteParents { get; set; }
    [BindProperty] public bool InviteCarers { get; set; }
    [BindProperty] public bool InviteSocialWorker { get; set; }
    [BindProperty] public bool InviteAdvocate { get; set; }
    [BindProperty] public string? OtherInvitees { get; set; }
    [BindProperty] public DateInput ChildConsultationSentOn { get; set; } = new();
    [BindProperty] public DateInput ChildConsultationReturnedOn { get; set; } = new();
    [BindProperty] public DateInput ParentConsultationSentOn { get; set; } = new();
    [BindProperty] public DateInput ParentConsultationReturnedOn { get; set; } = new();
    [BindProperty] public DateInput CarerConsultationSentOn { get; set; } = new();
    [BindProperty] public DateInput CarerConsultationReturnedOn { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int? reviewId, CancellationToken ct)
    {
        if (workspace.ReadOnlyAddress(reviewId) is { } readOnly) return Redirect(readOnly);
        var (found, review) = await LoadAsync(reviewId, ct);
        if (found is not null) return found;
        if (review is null)
        {
            InviteChild = InviteParents = InviteCarers = InviteSocialWorker = true;
            Format = MeetingFormat.InPerson;
            return Page();
        }

        (Date, StartsAt, Format, Venue, OtherInvitees, Version) = (DateInput.From(review.HeldOn), review.StartsAt, review.Format, review.Venue, review.OtherInvitees, review.Version);
        (InviteChild, InviteParents, InviteCarers, InviteSocialWorker, InviteAdvocate) = (review.InviteChild, review.InviteParents, review.InviteCarers, review.InviteSocialWorker, review.InviteAdvocate);
        (ChildConsultationSentOn, ChildConsultationReturnedOn) = (DateInput.From(review.ChildConsultationSentOn), DateInput.From(review.ChildConsultationReturnedOn));
        (ParentConsultationSentOn, ParentConsultationReturnedOn) = (DateInput.From(review.ParentConsultationSentOn), DateInput.From(review.ParentConsultationReturnedOn));
        (CarerConsultationSentOn, CarerConsultationReturnedOn) = (DateInput.From(review.CarerConsultationSentOn), DateInput.From(review.CarerConsultationReturnedOn));
        LateWarning = ReviewDates.LateWarning(review.HeldOn, review.DueOn ?? DueOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? reviewId, CancellationToken ct)
    {
        var (found, review) = await LoadAsync(reviewId, ct);
        if (found is not null) return found;
        var booking = ReadBooking();
        var isNew = review is null;
        review ??= Review.NewBooking(Child.Id, DueOn, ReviewWorkspace.CurrentIroId(Child, workspace.Today));
        LateWarning = booking.Date is { } d ? ReviewDates.LateWarning(d, review.DueOn ?? DueOn) : null;
        if (!GovukForm.AddProblems(ModelState, review.BookingProblems(booking, workspace.Today, workspace.Options.BookingHorizonMonths))) return Page();

        review.Book(booking, workspace.Today, workspace.Options.BookingHorizonMonths);
        if (isNew)
        {
            workspace.Db.Reviews.Add(review);
            await workspace.Db.SaveChangesAsync(ct);
        }
        else if (!await workspace.TrySaveAsync(review, Version, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return Page();
        }

        return Redirect(ChildLinks.Review(Child.LocalId, review.Id));
    }

    /// <summary>The form as the booking rules see it; dates that cannot be read are reported here and passed on as not given.</summary>
    private ReviewBooking ReadBooking()
    {
        var date = Date.Read(ModelState, nameof(Date), "Date of the review");
        if (StartsAtWasNotATime()) ModelState.AddModelError(nameof(StartsAt), "Enter the start time as hours and minutes, for example 14:30");
        return new ReviewBooking(
            date, StartsAt, Format, Venue, InviteChild, InviteParents, InviteCarers, InviteSocialWorker, InviteAdvocate, OtherInvitees,
            ChildConsultationSentOn.Read(ModelState, nameof(ChildConsultationSentOn), "Date the child's form was sent"),
            ChildConsultationReturnedOn.Read(ModelState, nameof(ChildConsultationReturnedOn), "Date the child's form was returned"),
            ParentConsultationSentOn.Read(ModelState, nameof(ParentConsultationSentOn), "Date the parent's form was sent"),
            ParentConsultationReturnedOn.Read(ModelState, nameof(ParentConsultationReturnedOn), "Date the parent's form was returned"),
            CarerConsultationSentOn.Read(ModelState, nameof(CarerConsultationSentOn), "Date the carer's form was sent"),
            CarerConsultationReturnedOn.Read(ModelState, nameof(CarerConsultationReturnedOn), "Date the carer's form was returned"));
    }

    // The framework's own message for a time it cannot read is replaced by the app's.
    private bool StartsAtWasNotATime()
    {
        if (ModelState[nameof(StartsAt)] is not { Errors.Count: > 0 }) return false;
        ModelState.Remove(nameof(StartsAt));
        return true;
    }

    private async Task<(IActionResult? Result, Review? Review)> LoadAsync(int? reviewId, CancellationToken ct)
    {
        Child = await workspace.ChildAsync(ct);
        DueOn = workspace.Due.For(Child);
        IsNew = reviewId is null;
        var review = reviewId is null ? null : Child.Reviews.Single(r => r.Id == reviewId);
        if (review is not null && review.Status != ReviewStatus.Planned) return (Redirect(ChildLinks.Review(Child.LocalId, review.Id)), null);
        return (null, review);
    }
}
