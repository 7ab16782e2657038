using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

/// <summary>The IRO records the review: it becomes a held review, returned in the 903 and counted for timeliness.</summary>
[Authorize(Policy = Permissions.RecordReviews)]
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

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        if (workspace.ReadOnlyAddress(reviewId) is { } readOnly) return Redirect(readOnly);
        if (await LoadAsync(reviewId, ct) is { } elsewhere) return elsewhere;
        var r = Review;
        (HeldOn, ChairId, Participation, Attendees, SpokeToChildAlone, ChildChaired) = (DateInput.From(r.HeldOn), r.ChairId, r.Participation, r.Attendees, r.SpokeToChildAlone, r.ChildChaired);
        (SocialWorkerReportReceivedOn, CarePlanReceivedOn) = (DateInput.From(r.SocialWorkerReportReceivedOn), DateInput.From(r.CarePlanReceivedOn));
        (AdvocacyDiscussed, AdvocateNeeded) = (r.AdvocacyDiscussed, r.AdvocateNeeded);
        (IndependentVisitorNeeded, CommunicationNeeds, LateReason, LateReasonNote, Version) = (r.IndependentVisitorNeeded, r.CommunicationNeeds, r.LateReason, r.LateReasonNote, r.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reviewId, CancellationToken ct)
    {
        if (await LoadAsync(reviewId, ct) is { } elsewhere) return elsewhere;
        var record = new ReviewRecord(
            HeldOn.Read(ModelState, nameof(HeldOn), "Date held"), ChairId, Participation, Attendees, SpokeToChildAlone, ChildChaired,
            SocialWorkerReportReceivedOn.Read(ModelState, nameof(SocialWorkerReportReceivedOn), "Date the social worker's report reached you"),
            CarePlanReceivedOn.Read(ModelState, nameof(CarePlanReceivedOn), "Date the updated care plan reached you"),
            AdvocacyDiscussed, AdvocateNeeded, IndependentVisitorNeeded, CommunicationNeeds, LateReason, LateReasonNote);
        // The due date that applied on the day held; the booked one when the timetable cannot say.
        var dueOn = record.HeldOn is { } on ? workspace.Due.DueBefore(Child, on) ?? Review.DueOn : Review.DueOn;
        var context = RecordingContext.For(Child, Review, workspace.Today, dueOn);
        // Only an IRO offered on the form may chair: any other id is an error on the field, not a failed save.
        if (ChairId is { } chair && !Officers.Any(o => o.Value == chair.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ModelState.AddModelError(nameof(ChairId), "Select who chaired the review");
        if (!GovukForm.AddProblems(ModelState, Review.RecordingProblems(record, context))) return Page();

        Review.Record(record, context);
        if (!await workspace.TrySaveAsync(Review, Version, ct))
        {
            ModelState.AddModelError("", ReviewWorkspace.ConcurrencyMessage);
            return Page();
        }

        return Redirect(ChildLinks.Review(Child.LocalId, reviewId, "decisions"));
    }

    private async Task<IActionResult?> LoadAsync(int reviewId, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        if (Review.Status == ReviewStatus.Cancelled) return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
        Officers = [.. (await workspace.Db.ReviewingOfficers.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name))];
        return null;
    }
}
