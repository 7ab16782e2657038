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

    public Task<IActionResult> OnPostApproveAsync(int reviewId, int requestId, CancellationToken ct) => DecideAsync(reviewId, requestId, approve: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(int reviewId, int requestId, CancellationToken ct) => DecideAsync(reviewId, requestId, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int reviewId, int requestId, bool approve, CancellationToken ct)
    {
        await LoadAsync(reviewId, ct);
        var request = Review.ChangeRequests.SingleOrDefault(r => r.Id == requestId);
        if (request is null) return NotFound();
        if (!CanApprove) return Forbid();
        if (approve && request.State == ApprovalState.Pending && ReviewChanges.ApprovalProblem(request, Today) is { } problem)
        {
            ModelState.AddModelError("", problem);
            await LoadAuditAsync(ct);
            return Page();
        }

        if (request.State == ApprovalState.Pending)
        {
            var user = await workspace.UserAsync(ct);
            if (approve) ReviewChanges.Approve(Review, request, user.UserId, user.DisplayName, workspace.Now);
            else ReviewChanges.Refuse(request, user.UserId, user.DisplayName, workspace.Now);
            await workspace.Db.SaveChangesAsync(ct);
        }

        return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
    }

    private async Task LoadAsync(int reviewId, CancellationToken ct)
    {
        (Child, Review) = await workspace.ReviewAsync(reviewId, ct);
        Today = workspace.Today;
        CanPlan = await workspace.Context.CanAsync(Permissions.PlanReviews);
        CanRecord = await workspace.Context.CanAsync(Permissions.RecordReviews);
        CanApprove = await workspace.Context.CanAsync(Permissions.ApproveChanges);
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
