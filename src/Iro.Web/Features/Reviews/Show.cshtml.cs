using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>One review: the booking, the record, decisions, deadlines, change approvals and (with the audit permission) the audit trail.</summary>
public sealed class ShowModel(ReviewWorkspace workspace, AuditTrailQuery auditTrail) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IWorkingDayCalendar Calendar => workspace.Due.Calendar;
    public Review Review { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public ReviewOptions Options => workspace.Options;
    public IReadOnlyList<AuditTrailQuery.Line>? Audit { get; private set; }

    public bool CanPlan { get; private set; }
    public bool CanRecord { get; private set; }
    public bool CanApprove { get; private set; }

    /// <summary>The due date the booking is judged against: the one it was booked for, else the timetable's.</summary>
    public DateOnly? DueOn => Review.DueOn ?? workspace.Due.For(Child);

    public async Task OnGetAsync(int reviewId, CancellationToken ct)
    {
        await LoadAsync(reviewId, ct);
        await LoadAuditAsync(ct);
    }

    /// <summary>Shown when the request was decided, or changed, after the manager's page showed it.</summary>
    public const string ChangedWhileDecidingMessage =
        "This request was changed by someone else while you were deciding. Check its status and try again.";

    public Task<IActionResult> OnPostApproveAsync(int reviewId, int requestId, Guid version, CancellationToken ct) =>
        DecideAsync(reviewId, requestId, version, approve: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(int reviewId, int requestId, Guid version, CancellationToken ct) =>
        DecideAsync(reviewId, requestId, version, approve: false, ct);

    /// <summary>
    /// Approves or refuses the request as the manager saw it: the form posts the version it showed, and a request
    /// decided or changed since (by another manager at the same moment too) is refused with nothing written.
    /// </summary>
    private async Task<IActionResult> DecideAsync(int reviewId, int requestId, Guid version, bool approve, CancellationToken ct)
    {
        await LoadAsync(reviewId, ct);
        var request = Review.ChangeRequests.SingleOrDefault(r => r.Id == requestId);
        if (request is null) return NotFound();
        if (!CanApprove) return Forbid();
        if (request.State != ApprovalState.Pending || request.Version != version) return await ShowChangedAsync(reviewId, ct);
        if (approve && ReviewChanges.ApprovalProblem(request, Today) is { } problem)
        {
            ModelState.AddModelError("", problem);
            await LoadAuditAsync(ct);
            return Page();
        }

        var user = await workspace.UserAsync(ct);
        if (approve) ReviewChanges.Approve(Review, request, user.UserId, user.DisplayName, workspace.Now);
        else ReviewChanges.Refuse(request, user.UserId, user.DisplayName, workspace.Now);
        if (!await workspace.TrySaveAsync(request, version, ct)) return await ShowChangedAsync(reviewId, ct);
        return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
    }

    // The tracked entries hold the refused decision; show what is stored instead.
    private async Task<IActionResult> ShowChangedAsync(int reviewId, CancellationToken ct)
    {
        workspace.Db.ChangeTracker.Clear();
        await LoadAsync(reviewId, ct);
        await LoadAuditAsync(ct);
        ModelState.AddModelError("", ChangedWhileDecidingMessage);
        return Page();
    }

    private async Task LoadAsync(int reviewId, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        Today = workspace.Today;
        CanPlan = await workspace.Context.CanChangeAsync(Permissions.PlanReviews);
        CanRecord = await workspace.Context.CanChangeAsync(Permissions.RecordReviews);
        CanApprove = await workspace.Context.CanChangeAsync(Permissions.ApproveChanges);
    }

    private async Task LoadAuditAsync(CancellationToken ct)
    {
        if (!await workspace.Context.CanAsync(Permissions.ViewAudit)) return;
        var entries = new List<(string, string)> { (nameof(Domain.Reviews.Review), Key(Review.Id)) };
        entries.AddRange(Review.Decisions.Select(d => (nameof(ReviewDecision), Key(d.Id))));
        entries.AddRange(Review.ChangeRequests.Select(r => (nameof(ReviewChangeRequest), Key(r.Id))));
        Audit = await auditTrail.ForAsync(entries, ct);
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
