using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Features.Advocacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.IndependentVisitors;

/// <summary>
/// The child's needs for an independent visitor: when each was identified (at a review or otherwise), matched
/// and ended, and how long an unmatched need has waited. The form records a new need, or changes one
/// (<c>?id=</c>) with a check that nobody changed it in between.
/// </summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(ChildContext context, Data.IroDbContext db, TimeProvider clock, IOptions<VoiceOptions> options) : PageModel
{
    public const string ConcurrencyMessage =
        "Someone else changed this need while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";

    public Child Child { get; private set; } = null!;
    public IReadOnlyList<IndependentVisitor> Needs { get; private set; } = [];
    public IReadOnlyList<(int Id, DateOnly HeldOn)> ChildReviews { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanRecord { get; private set; }
    public VoiceOptions Options => options.Value;

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateInput NeededOn { get; set; } = new();
    [BindProperty] public string? IdentifiedAtReviewId { get; set; }
    [BindProperty] public DateInput MatchedOn { get; set; } = new();
    [BindProperty] public DateInput EndedOn { get; set; } = new();
    [BindProperty] public string? VisitorName { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id && CanRecord)
        {
            if (await FindAsync(id, ct) is not { } need) return NotFound();
            NeededOn = DateInput.From(need.NeededOn);
            IdentifiedAtReviewId = need.IdentifiedAtReviewId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            MatchedOn = DateInput.From(need.MatchedOn);
            EndedOn = DateInput.From(need.EndedOn);
            VisitorName = need.VisitorName;
            Version = need.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanRecord) return Forbid();
        var need = Id is { } id ? await FindAsync(id, ct) : new IndependentVisitor { ChildId = Child.Id };
        if (need is null) return NotFound();
        int? reviewId = int.TryParse(IdentifiedAtReviewId, out var parsed) && ChildReviews.Any(r => r.Id == parsed) ? parsed : null;
        if (!string.IsNullOrEmpty(IdentifiedAtReviewId) && reviewId is null) ModelState.AddModelError(nameof(IdentifiedAtReviewId), "Select one of the child's reviews, or none");
        var input = new IndependentVisitorInput(
            NeededOn.Read(ModelState, nameof(NeededOn), "Date identified"), MatchedOn.Read(ModelState, nameof(MatchedOn), "Date matched"),
            EndedOn.Read(ModelState, nameof(EndedOn), "Date ended"), string.IsNullOrWhiteSpace(VisitorName) ? null : VisitorName.Trim());
        if (!GovukForm.AddProblems(ModelState, VoiceFormRules.VisitorProblems(input, Today))) return Page();

        need.NeededOn = input.NeededOn!.Value;
        need.IdentifiedAtReviewId = reviewId;
        need.MatchedOn = input.MatchedOn;
        need.EndedOn = input.EndedOn;
        need.VisitorName = input.VisitorName;
        if (need.Id == 0) db.IndependentVisitors.Add(need);
        else db.Entry(need).Property(n => n.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
            return Page();
        }

        return Redirect(AdvocacyLinks.IndependentVisitor(Child.LocalId));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Child = context.Child;
        Today = clock.ServiceToday();
        CanRecord = await context.CanChangeAsync(Permissions.RecordVoice);
        Needs = await db.IndependentVisitors.AsNoTracking().Where(v => v.ChildId == context.ChildKey)
            .OrderByDescending(v => v.NeededOn).ThenByDescending(v => v.Id).ToListAsync(ct);
        ChildReviews = (await db.Reviews.AsNoTracking().Where(r => r.ChildId == context.ChildKey)
            .OrderByDescending(r => r.HeldOn).Select(r => new { r.Id, r.HeldOn }).ToListAsync(ct)).Select(r => (r.Id, r.HeldOn)).ToList();
    }

    private Task<IndependentVisitor?> FindAsync(int id, CancellationToken ct) =>
        db.IndependentVisitors.SingleOrDefaultAsync(v => v.Id == id && v.ChildId == context.ChildKey, ct);
}
