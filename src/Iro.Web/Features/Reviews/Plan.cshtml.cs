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

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? StartsAt { get; set; }
    [BindProperty] public MeetingFormat? Format { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public bool InviteChild { get; set; }
    [BindProperty] public bool InviteParents { get; set; }
    [BindProperty] public bool InviteCarers { get; set; }
    [BindProperty] public bool InviteSocialWorker { get; set; }
    [BindProperty] public bool InviteAdvocate { get; set; }
    [BindProperty] public string? OtherInvitees { get; set; }
    [BindProperty] public DateOnly? ChildConsultationSentOn { get; set; }
    [BindProperty] public DateOnly? ChildConsultationReturnedOn { get; set; }
    [BindProperty] public DateOnly? ParentConsultationSentOn { get; set; }
    [BindProperty] public DateOnly? ParentConsultationReturnedOn { get; set; }
    [BindProperty] public DateOnly? CarerConsultationSentOn { get; set; }
    [BindProperty] public DateOnly? CarerConsultationReturnedOn { get; set; }
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

        (Date, StartsAt, Format, Venue, OtherInvitees, Version) = (review.HeldOn, review.StartsAt, review.Format, review.Venue, review.OtherInvitees, review.Version);
        (InviteChild, InviteParents, InviteCarers, InviteSocialWorker, InviteAdvocate) = (review.InviteChild, review.InviteParents, review.InviteCarers, review.InviteSocialWorker, review.InviteAdvocate);
        (ChildConsultationSentOn, ChildConsultationReturnedOn) = (review.ChildConsultationSentOn, review.ChildConsultationReturnedOn);
        (ParentConsultationSentOn, ParentConsultationReturnedOn) = (review.ParentConsultationSentOn, review.ParentConsultationReturnedOn);
        (CarerConsultationSentOn, CarerConsultationReturnedOn) = (review.CarerConsultationSentOn, review.CarerConsultationReturnedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string childId, int? reviewId, CancellationToken ct)
    {
        var (found, review) = await LoadAsync(childId, reviewId, ct);
        if (found is not null) return found;
        if (Date is null) ModelState.AddModelError(nameof(Date), "Enter the date of the review");
        else if (review is null && Date < workspace.Today) ModelState.AddModelError(nameof(Date), "The date of the review must be today or in the future");
        if (Format is null) ModelState.AddModelError(nameof(Format), "Select how the review will be held");
        if (Format is MeetingFormat.InPerson or MeetingFormat.Hybrid && string.IsNullOrWhiteSpace(Venue))
            ModelState.AddModelError(nameof(Venue), "Enter the venue");
        CheckReturnedAfterSent(nameof(ChildConsultationReturnedOn), ChildConsultationSentOn, ChildConsultationReturnedOn);
        CheckReturnedAfterSent(nameof(ParentConsultationReturnedOn), ParentConsultationSentOn, ParentConsultationReturnedOn);
        CheckReturnedAfterSent(nameof(CarerConsultationReturnedOn), CarerConsultationSentOn, CarerConsultationReturnedOn);
        if (!ModelState.IsValid) return Page();

        var isNew = review is null;
        review ??= new Review { ChildId = Child.Id, Status = ReviewStatus.Planned, DueOn = DueOn, ChairId = ReviewWorkspace.CurrentIroId(Child, workspace.Today) };
        review.HeldOn = Date!.Value;
        (review.StartsAt, review.Format, review.Venue, review.OtherInvitees) = (StartsAt, Format, Venue?.Trim(), OtherInvitees?.Trim());
        (review.InviteChild, review.InviteParents, review.InviteCarers, review.InviteSocialWorker, review.InviteAdvocate) = (InviteChild, InviteParents, InviteCarers, InviteSocialWorker, InviteAdvocate);
        (review.ChildConsultationSentOn, review.ChildConsultationReturnedOn) = (ChildConsultationSentOn, ChildConsultationReturnedOn);
        (review.ParentConsultationSentOn, review.ParentConsultationReturnedOn) = (ParentConsultationSentOn, ParentConsultationReturnedOn);
        (review.CarerConsultationSentOn, review.CarerConsultationReturnedOn) = (CarerConsultationSentOn, CarerConsultationReturnedOn);
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
