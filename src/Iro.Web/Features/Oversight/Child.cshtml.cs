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
    /// <summary>Midway reviews and notes may be added: a child in the user's write scope, with the permission.</summary>
    public bool CanWrite { get; private set; }

    public IReadOnlyList<AuditTrailQuery.Line>? Audit { get; private set; }

    private CurrentUser _user = null!;

    /// <summary>Whether the user may delete this note: their own, or anyone's with a reason (managers).</summary>
    public bool MayDelete(CaseNote note) => CanWrite && Authorship.MayChange(note, _user);

    /// <summary>Whether deleting this note asks the user why (it is someone else's).</summary>
    public bool AsksForReason(CaseNote note) => Authorship.AsksForReason(note, _user);

    /// <summary>Why a manager is deleting a note someone else wrote; kept in the audit.</summary>
    [BindProperty(Name = Authorship.ReasonField)] public string? ChangeReason { get; set; }

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
        var entry = new MidwayEntry(MidwayOn.Read(ModelState, nameof(MidwayOn), "Date of the midway review"), Method, WithWhom, Summary, Concerns);
        if (!GovukForm.AddProblems(ModelState, entry.Problems(workspace.Today))) return Page();

        var user = await workspace.UserAsync(ct);
        workspace.Db.MidwayReviews.Add(entry.For(Child.Id, workspace.Today, user.DisplayName));
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Oversight(Child.LocalId));
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        if (await LoadAsync(true, ct) is { } notAllowed) return notAllowed;
        var note = new CaseNoteEntry(NoteText, Significant);
        if (!GovukForm.AddProblems(ModelState, note.Problems())) return Page();

        var user = await workspace.UserAsync(ct);
        workspace.Db.CaseNotes.Add(note.For(Child.Id, user.DisplayName));
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Oversight(Child.LocalId));
    }

    /// <summary>
    /// Deletes a note: the author's own, or a manager giving a reason (<see cref="Authorship"/>). The form posts the
    /// version it showed; a note changed since is not deleted.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteNoteAsync(int noteId, Guid version, CancellationToken ct)
    {
        if (await LoadAsync(true, ct) is { } notAllowed) return notAllowed;
        var note = Notes.SingleOrDefault(n => n.Id == noteId);
        if (note is null) return NotFound();
        var (stop, reason) = await workspace.CheckAuthorshipAsync(this, note, ChangeReason, ct);
        if (stop is not null) return stop;
        workspace.Db.CaseNotes.Remove(note); // made a soft delete, and audited, on save
        if (!await workspace.TrySaveAsync(note, version, reason, ct))
        {
            workspace.Db.ChangeTracker.Clear();
            await LoadAsync(false, ct);
            ModelState.AddModelError("", NoteChangedMessage);
            return Page();
        }

        return Redirect(ChildLinks.Oversight(Child.LocalId));
    }

    public const string NoteChangedMessage =
        "Someone else changed or deleted this note while you were looking at it. Nothing has been deleted. Check the notes and try again";

    private async Task<IActionResult?> LoadAsync(bool write, CancellationToken ct)
    {
        var child = await workspace.ChildAsync(ct);
        Child = child;
        _user = await workspace.UserAsync(ct);
        CanWrite = await workspace.Context.CanChangeAsync(Permissions.RecordReviews);
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
