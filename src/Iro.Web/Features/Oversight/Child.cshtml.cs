using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Features.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Oversight;

/// <summary>Midway reviews and IRO case notes for one child; every entry attributed and time-stamped.</summary>
public sealed class ChildModel(ReviewWorkspace workspace, AuditTrailQuery auditTrail) : PageModel
{
    public Child Child { get; private set; } = null!;
    public (DateOnly LastReview, DateOnly Midway)? MidwayDue { get; private set; }
    public IReadOnlyList<MidwayReview> Midways { get; private set; } = [];
    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public IReadOnlyList<AuditTrailQuery.Line>? Audit { get; private set; }

    [BindProperty] public DateInput MidwayOn { get; set; } = new();
    [BindProperty] public MidwayMethod? Method { get; set; }
    [BindProperty] public string? WithWhom { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Concerns { get; set; }
    [BindProperty] public string? NoteText { get; set; }
    [BindProperty] public bool Significant { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(false, ct) ?? Page();

    public async Task<IActionResult> OnPostMidwayAsync(CancellationToken ct)
    {
        if (await LoadAsync(true, ct) is { } notAllowed) return notAllowed;
        var midwayOn = MidwayOn.Read(ModelState, nameof(MidwayOn), "Date of the midway review", "Enter the date of the midway review");
        if (midwayOn > workspace.Today) ModelState.AddModelError(nameof(MidwayOn), "The date must be today or in the past");
        GovukForm.CheckLength(ModelState, nameof(WithWhom), WithWhom, ReviewTextLimits.Name, "With whom");
        GovukForm.CheckLength(ModelState, nameof(Summary), Summary, ReviewTextLimits.MidwaySummary, "Summary");
        GovukForm.CheckLength(ModelState, nameof(Concerns), Concerns, ReviewTextLimits.MidwaySummary, "Concerns raised");
        if (Method is null) ModelState.AddModelError(nameof(Method), "Select how the midway review was done");
        if (string.IsNullOrWhiteSpace(WithWhom)) ModelState.AddModelError(nameof(WithWhom), "Enter who it was with");
        if (string.IsNullOrWhiteSpace(Summary)) ModelState.AddModelError(nameof(Summary), "Enter a summary");
        if (!ModelState.IsValid) return Page();
        var user = await workspace.UserAsync(ct);
        workspace.Db.MidwayReviews.Add(new MidwayReview
        {
            ChildId = Child.Id, HeldOn = midwayOn!.Value, Method = Method!.Value, WithWhom = WithWhom!.Trim(), Summary = Summary!.Trim(),
            Concerns = string.IsNullOrWhiteSpace(Concerns) ? null : Concerns.Trim(), CreatedByName = user.DisplayName,
        });
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Oversight(Child.LocalId));
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        if (await LoadAsync(true, ct) is { } notAllowed) return notAllowed;
        if (string.IsNullOrWhiteSpace(NoteText)) ModelState.AddModelError(nameof(NoteText), "Enter the case note");
        GovukForm.CheckLength(ModelState, nameof(NoteText), NoteText, ReviewTextLimits.CaseNote, "Case note");
        if (!ModelState.IsValid) return Page();
        var user = await workspace.UserAsync(ct);
        workspace.Db.CaseNotes.Add(new CaseNote { ChildId = Child.Id, Text = NoteText!.Trim(), SignificantEvent = Significant, CreatedByName = user.DisplayName });
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Oversight(Child.LocalId));
    }

    public async Task<IActionResult> OnPostDeleteNoteAsync(int noteId, CancellationToken ct)
    {
        if (await LoadAsync(true, ct) is { } notAllowed) return notAllowed;
        var note = Notes.SingleOrDefault(n => n.Id == noteId);
        if (note is null) return NotFound();
        workspace.Db.CaseNotes.Remove(note); // made a soft delete, and audited, on save
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Oversight(Child.LocalId));
    }

    private async Task<IActionResult?> LoadAsync(bool write, CancellationToken ct)
    {
        var child = await workspace.ChildAsync(ct);
        Child = child;
        CanWrite = await workspace.Context.CanAsync(Permissions.RecordReviews);
        if (write && !CanWrite) return Forbid();
        MidwayDue = OversightQuery.MidwayDue(child, workspace.Options, workspace.Due);
        Midways = await workspace.Db.MidwayReviews.Where(m => m.ChildId == child.Id).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        Notes = await workspace.Db.CaseNotes.Where(n => n.ChildId == child.Id).OrderByDescending(n => n.Id).ToListAsync(ct);
        if (await workspace.Context.CanAsync(Permissions.ViewAudit))
        {
            var deletedNotes = await workspace.Db.CaseNotes.IgnoreQueryFilters().Where(n => n.ChildId == child.Id).Select(n => n.Id).ToListAsync(ct);
            Audit = await auditTrail.ForAsync(
                Midways.Select(m => (nameof(MidwayReview), Key(m.Id))).Concat(deletedNotes.Select(id => (nameof(CaseNote), Key(id)))), ct);
        }

        return null;
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
