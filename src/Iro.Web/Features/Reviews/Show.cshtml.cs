using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>One review: the booking, the record, decisions, deadlines, change approvals and (for managers) the audit trail.</summary>
public sealed class ShowModel(ReviewWorkspace workspace, AuditTrailQuery auditTrail) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Iro.Domain.Calendar.IWorkingDayCalendar Calendar => workspace.Due.Calendar;
    public Review Review { get; private set; } = null!;
    public CurrentUser CurrentUser { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public ReviewOptions Options => workspace.Options;
    public IReadOnlyList<AuditTrailQuery.Line>? Audit { get; private set; }

    /// <summary>The due date the booking is judged against: the one it was booked for, else the timetable's.</summary>
    public DateOnly? DueOn => Review.DueOn ?? workspace.Due.For(Child);

    public async Task<IActionResult> OnGetAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, reviewId, ct)) return NotFound();
        await LoadAuditAsync(ct);
        return Page();
    }

    private async Task LoadAuditAsync(CancellationToken ct)
    {
        if (ReviewPermissions.IsManager(CurrentUser))
        {
            var entries = new List<(string, string)> { (nameof(Domain.Reviews.Review), Key(Review.Id)) };
            entries.AddRange(Review.Decisions.Select(d => (nameof(ReviewDecision), Key(d.Id))));
            entries.AddRange(Review.ChangeRequests.Select(r => (nameof(ReviewChangeRequest), Key(r.Id))));
            Audit = await auditTrail.ForAsync(entries, ct);
        }
    }

    public Task<IActionResult> OnPostApproveAsync(string childId, int reviewId, int requestId, CancellationToken ct) =>
        DecideAsync(childId, reviewId, requestId, approve: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(string childId, int reviewId, int requestId, CancellationToken ct) =>
        DecideAsync(childId, reviewId, requestId, approve: false, ct);

    private async Task<IActionResult> DecideAsync(string childId, int reviewId, int requestId, bool approve, CancellationToken ct)
    {
        if (!await LoadAsync(childId, reviewId, ct)) return NotFound();
        var request = Review.ChangeRequests.SingleOrDefault(r => r.Id == requestId);
        if (request is null) return NotFound();
        if (!ReviewPermissions.IsManager(CurrentUser)) return Forbid();
        if (approve && request.State == ApprovalState.Pending && ReviewChanges.ApprovalProblem(request, Today) is { } problem)
        {
            ModelState.AddModelError("", problem);
            await LoadAuditAsync(ct);
            return Page();
        }

        if (request.State == ApprovalState.Pending)
        {
            if (approve) ReviewChanges.Approve(Review, request, CurrentUser.UserId, CurrentUser.DisplayName, workspace.Now);
            else ReviewChanges.Refuse(request, CurrentUser.UserId, CurrentUser.DisplayName, workspace.Now);
            await workspace.Db.SaveChangesAsync(ct);
        }

        return Redirect($"/children/{childId}/reviews/{reviewId}");
    }

    private async Task<bool> LoadAsync(string childId, int reviewId, CancellationToken ct)
    {
        var found = await workspace.ReviewAsync(childId, reviewId, ct);
        if (found is null) return false;
        (Child, Review) = found.Value;
        CurrentUser = await workspace.UserAsync(ct);
        Today = workspace.Today;
        return true;
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
