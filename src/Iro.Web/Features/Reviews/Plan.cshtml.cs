using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>Books the next review against its due date, or updates a booking and its consultation forms.</summary>
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

    public async Task<IActionResult> OnGetAsync(string childId, int? reviewId, CancellationToken ct)
    {
        var (found, review) = await LoadAsync(childId, reviewId, ct);
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

    public async Task<IActionResult> OnPostAsync(string childId, int? reviewId, CancellationToken ct)
    {
        var (found, review) = await LoadAsync(childId, reviewId, ct);
        if (found is not null) return found;
        var date = Date.Read(ModelState, nameof(Date), "Date of the review", "Enter the date of the review");
        // An existing booking keeps its date when only the rest is changed, even once that date has passed.
        if (date is { } on && (review is null || on != review.HeldOn)
            && ReviewDates.BookingProblem(on, workspace.Today, workspace.Options.BookingHorizonMonths) is { } dateProblem)
            ModelState.AddModelError(nameof(Date), dateProblem);
        if (StartsAtWasNotATime()) ModelState.AddModelError(nameof(StartsAt), "Enter the start time as hours and minutes, for example 14:30");
        if (Format is null) ModelState.AddModelError(nameof(Format), "Select how the review will be held");
        if (Format is MeetingFormat.InPerson or MeetingFormat.Hybrid && string.IsNullOrWhiteSpace(Venue))
            ModelState.AddModelError(nameof(Venue), "Enter the venue");
        GovukForm.CheckLength(ModelState, nameof(Venue), Venue, ReviewTextLimits.Venue, "Venue");
        GovukForm.CheckLength(ModelState, nameof(OtherInvitees), OtherInvitees, ReviewTextLimits.OtherInvitees, "Others invited");
        var childSent = ChildConsultationSentOn.Read(ModelState, nameof(ChildConsultationSentOn), "Date the child's form was sent");
        var childReturned = ChildConsultationReturnedOn.Read(ModelState, nameof(ChildConsultationReturnedOn), "Date the child's form was returned");
        var parentSent = ParentConsultationSentOn.Read(ModelState, nameof(ParentConsultationSentOn), "Date the parent's form was sent");
        var parentReturned = ParentConsultationReturnedOn.Read(ModelState, nameof(ParentConsultationReturnedOn), "Date the parent's form was returned");
        var carerSent = CarerConsultationSentOn.Read(ModelState, nameof(CarerConsultationSentOn), "Date the carer's form was sent");
        var carerReturned = CarerConsultationReturnedOn.Read(ModelState, nameof(CarerConsultationReturnedOn), "Date the carer's form was returned");
        CheckReturnedAfterSent(nameof(ChildConsultationReturnedOn), childSent, childReturned);
        CheckReturnedAfterSent(nameof(ParentConsultationReturnedOn), parentSent, parentReturned);
        CheckReturnedAfterSent(nameof(CarerConsultationReturnedOn), carerSent, carerReturned);
        LateWarning = date is { } d ? ReviewDates.LateWarning(d, review?.DueOn ?? DueOn) : null;
        if (!ModelState.IsValid) return Page();

        var isNew = review is null;
        review ??= new Review { ChildId = Child.Id, Status = ReviewStatus.Planned, DueOn = DueOn, ChairId = ReviewWorkspace.CurrentIroId(Child, workspace.Today) };
        review.HeldOn = date!.Value;
        (review.StartsAt, review.Format, review.Venue, review.OtherInvitees) = (StartsAt, Format, Venue?.Trim(), OtherInvitees?.Trim());
        (review.InviteChild, review.InviteParents, review.InviteCarers, review.InviteSocialWorker, review.InviteAdvocate) = (InviteChild, InviteParents, InviteCarers, InviteSocialWorker, InviteAdvocate);
        (review.ChildConsultationSentOn, review.ChildConsultationReturnedOn) = (childSent, childReturned);
        (review.ParentConsultationSentOn, review.ParentConsultationReturnedOn) = (parentSent, parentReturned);
        (review.CarerConsultationSentOn, review.CarerConsultationReturnedOn) = (carerSent, carerReturned);
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

        return Redirect($"/children/{Child.LocalId}/reviews/{review.Id}");
    }

    // The framework's own message for a time it cannot read is replaced by the app's.
    private bool StartsAtWasNotATime()
    {
        if (ModelState[nameof(StartsAt)] is not { Errors.Count: > 0 }) return false;
        ModelState.Remove(nameof(StartsAt));
        return true;
    }

    private void CheckReturnedAfterSent(string field, DateOnly? sent, DateOnly? returned)
    {
        if (returned is not null && (sent is null || returned < sent))
            ModelState.AddModelError(field, "The date a form came back must be on or after the date it was sent");
    }

    private async Task<(IActionResult? Result, Review? Review)> LoadAsync(string childId, int? reviewId, CancellationToken ct)
    {
        var child = await workspace.ChildAsync(childId, ct);
        if (child is null) return (NotFound(), null);
        Child = child;
        DueOn = workspace.Due.For(child);
        IsNew = reviewId is null;
        var review = reviewId is null ? null : child.Reviews.SingleOrDefault(r => r.Id == reviewId);
        if (reviewId is not null && review is null) return (NotFound(), null);
        if (!ReviewPermissions.CanPlan(await workspace.UserAsync(ct))) return (Forbid(), null);
        if (review is not null && review.Status != ReviewStatus.Planned) return (Redirect($"/children/{childId}/reviews/{review.Id}"), null);
        return (null, review);
    }
}
