using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.SocialWorkers;

/// <summary>
/// Records a new social worker for the child by hand. A change of social worker is a fact about the child's
/// stability between reviews, like a placement move, so it needs <see cref="Permissions.RecordVoice"/> (IROs,
/// managers and business support), not the review-booking permission. The worker held until then is closed on
/// the new worker's start date.
/// </summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class AddModel(ChildContext childContext, IroDbContext db, TimeProvider clock) : PageModel
{
    public const int NameMaxLength = 200;

    public Child Child => childContext.Child;

    [BindProperty] public string? SocialWorkerName { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? WorkerId { get; set; }
    [BindProperty] public DateInput From { get; set; } = new();

    public IActionResult OnGet() => childContext.CanWrite ? Page() : Redirect(ChildLinks.Record(Child.LocalId));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = clock.ServiceToday();
        var name = SocialWorkerName?.Trim();
        if (string.IsNullOrEmpty(name)) ModelState.AddModelError(nameof(SocialWorkerName), "Enter the social worker's name");
        CheckLength(nameof(SocialWorkerName), "The social worker's name", name);
        CheckLength(nameof(Team), "The team", Team?.Trim());
        CheckLength(nameof(WorkerId), "The worker's ID", WorkerId?.Trim());
        var from = From.Read(ModelState, nameof(From), "The date they started", "Enter the date they started");
        var assignments = await db.SocialWorkerAssignments.Where(a => a.ChildId == childContext.ChildKey).ToListAsync(ct);
        if (from is { } f)
        {
            if (f > today) ModelState.AddModelError(nameof(From), "The date they started must be today or in the past");
            else if (f < Child.DateOfBirth) ModelState.AddModelError(nameof(From), "The date they started must be on or after the child's date of birth");
            else if (assignments.Count > 0 && f <= assignments.Max(a => a.From))
                ModelState.AddModelError(nameof(From), "The date they started must be after the start of the latest social worker recorded");
        }

        if (!ModelState.IsValid || from is null) return Page();
        foreach (var open in assignments.Where(a => a.To is null)) open.To = from;
        db.SocialWorkerAssignments.Add(new SocialWorkerAssignment
        {
            ChildId = childContext.ChildKey, SocialWorkerName = name!, Team = Blank(Team), WorkerId = Blank(WorkerId), From = from.Value,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Record(Child.LocalId) + "#social-workers");
    }

    private void CheckLength(string field, string label, string? value)
    {
        if (value is { Length: > NameMaxLength }) ModelState.AddModelError(field, $"{label} must be {NameMaxLength} characters or fewer");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
