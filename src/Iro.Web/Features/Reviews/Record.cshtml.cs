using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

/// <summary>The IRO records the review: it becomes a held review, returned in the 903 and counted for timeliness.</summary>
public sealed class RecordModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Label)> Officers { get; private set; } = [];

    [BindProperty] public DateInput HeldOn { get; set; } = new();
    [BindProperty] public int? ChairId { get; set; }
    [BindProperty] public ParticipationCode? Participation { get; set; }
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public bool? SpokeToChildAlone { get; set; }
    [BindProperty] public ChildChairing? ChildChaired { get; set; }
    [BindProperty] public DateInput SocialWorkerReportReceivedOn { get; set; } = new();
    [BindProperty] public DateInput CarePlanReceivedOn { get; set; } = new();
    [BindProperty] public bool? AdvocacyDiscussed { get; set; }
    [BindProperty] public bool? AdvocateNeeded { get; set; }
    [BindProperty] public bool? IndependentVisitorNeeded { get; set; }
    [BindProperty] public string? CommunicationNeeds { get; set; }
    [BindProperty] public ReasonForLateness? LateReason { get; set; }
    [BindProperty] public string? LateReasonNote { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(childId, reviewId, ct) is { } notAllowed) return notAllowed;
        var r = Review;
        (HeldOn, ChairId, Participation, Attendees, SpokeToChildAlone, ChildChaired) = (DateInput.From(r.HeldOn), r.ChairId, r.Participation, r.Attendees, r.SpokeToChildAlone, r.ChildChaired);
        (SocialWorkerReportReceivedOn, CarePlanReceivedOn) = (DateInput.From(r.SocialWorkerReportReceivedOn), DateInput.From(r.CarePlanReceivedOn));
        (AdvocacyDiscussed, AdvocateNeeded) = (r.AdvocacyDiscussed, r.AdvocateNeeded);
        (IndependentVisitorNeeded, CommunicationNeeds, LateReason, LateReasonNote, Version) = (r.IndependentVisitorNeeded, r.CommunicationNeeds, r.LateReason, r.LateReasonNote, r.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(childId, reviewId, ct) is { } notAllowed) return notAllowed;
        var today = workspace.Today;
        var heldOn = HeldOn.Read(ModelState, nameof(HeldOn), "Date held", "Enter the date the review was held");
        if (heldOn is { } date && ReviewDates.HeldProblem(date, today, PeriodsOfCare.From(Child.Episodes), ReviewDates.PreviousHeldOn(Child.Reviews, Review)) is { } heldProblem)
            ModelState.AddModelError(nameof(HeldOn), heldProblem);
        if (ChairId is null) ModelState.AddModelError(nameof(ChairId), "Select who chaired the review");
        if (Participation is null) ModelState.AddModelError(nameof(Participation), "Select how the child took part");
        else if (heldOn is { } held && ReviewRules.ParticipationProblem(Participation.Value, Child.DateOfBirth, held) is { } problem)
            ModelState.AddModelError(nameof(Participation), problem);
        if (SpokeToChildAlone is null) ModelState.AddModelError(nameof(SpokeToChildAlone), "Select whether you spoke to the child alone");
        GovukForm.CheckLength(ModelState, nameof(Attendees), Attendees, ReviewTextLimits.Attendees, "Who attended");
        GovukForm.CheckLength(ModelState, nameof(CommunicationNeeds), CommunicationNeeds, ReviewTextLimits.CommunicationNeeds, "Interpreter or communication needs");
        GovukForm.CheckLength(ModelState, nameof(LateReasonNote), LateReasonNote, ReviewTextLimits.LateReasonNote, "More about the lateness");
        var reportOn = SocialWorkerReportReceivedOn.Read(ModelState, nameof(SocialWorkerReportReceivedOn), "Date the social worker's report reached you");
        var carePlanOn = CarePlanReceivedOn.Read(ModelState, nameof(CarePlanReceivedOn), "Date the updated care plan reached you");
        if (reportOn > heldOn) ModelState.AddModelError(nameof(SocialWorkerReportReceivedOn), "The report must have been received on or before the review");
        if (carePlanOn > heldOn) ModelState.AddModelError(nameof(CarePlanReceivedOn), "The care plan must have been received on or before the review");
        var due = heldOn is { } on ? workspace.Due.DueBefore(Child, on) ?? Review.DueOn : Review.DueOn;
        if (heldOn is { } lateOn && ReviewRules.IsLate(lateOn, due) && LateReason is null)
            ModelState.AddModelError(nameof(LateReason), $"The review was due by {due:d MMMM yyyy}. Select the reason it was late");
        if (!ModelState.IsValid) return Page();

        var r = Review;
        r.Status = ReviewStatus.Held;
        r.DueOn = due;
        (r.HeldOn, r.ChairId, r.Participation, r.Attendees, r.SpokeToChildAlone, r.ChildChaired) = (heldOn!.Value, ChairId, Participation, Attendees?.Trim(), SpokeToChildAlone, ChildChaired);
        (r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn, r.AdvocacyDiscussed, r.AdvocateNeeded) = (reportOn, carePlanOn, AdvocacyDiscussed, AdvocateNeeded);
        (r.IndependentVisitorNeeded, r.CommunicationNeeds) = (IndependentVisitorNeeded, CommunicationNeeds?.Trim());
        var late = ReviewRules.IsLate(heldOn.Value, due);
        (r.LateReason, r.LateReasonNote) = late ? (LateReason, LateReasonNote?.Trim()) : (null, null);
        if (!await workspace.TrySaveAsync(r, Version, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return Page();
        }

        return Redirect($"/children/{childId}/reviews/{reviewId}/decisions");
    }

    private async Task<IActionResult?> LoadAsync(string childId, int reviewId, CancellationToken ct)
    {
        var found = await workspace.ReviewAsync(childId, reviewId, ct);
        if (found is null) return NotFound();
        (Child, Review) = found.Value;
        if (!ReviewPermissions.CanRecord(await workspace.UserAsync(ct))) return Forbid();
        if (Review.Status == ReviewStatus.Cancelled) return Redirect($"/children/{childId}/reviews/{reviewId}");
        Officers = [.. (await workspace.Db.ReviewingOfficers.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name))];
        return null;
    }
}
