using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Escalations;

/// <summary>The escalation notice to print.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class NoticeModel(EscalationWorkspace workspace) : PageModel
{
    public EscalationNotice Notice { get; private set; } = null!;
    public string BackUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int escalationId, CancellationToken ct)
    {
        if (await NoticeLoader.LoadAsync(workspace, escalationId, ct) is not { } notice) return NotFound();
        (Notice, BackUrl) = (notice, ChildLinks.Escalation(workspace.Context.ChildId, escalationId));
        return Page();
    }
}

/// <summary>The escalation notice as a Word document.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class NoticeDocumentModel(EscalationWorkspace workspace) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int escalationId, CancellationToken ct)
    {
        if (await NoticeLoader.LoadAsync(workspace, escalationId, ct) is not { } notice) return NotFound();
        return File(Reviews.LetterDocument.Write(notice.Paragraphs()), Reviews.LetterDocument.ContentType,
            $"escalation-notice-{workspace.Context.ChildId}-{escalationId}.docx");
    }
}

internal static class NoticeLoader
{
    /// <summary>The notice of one of the child's escalations; null when it is not this child's.</summary>
    public static async Task<EscalationNotice?> LoadAsync(EscalationWorkspace workspace, int escalationId, CancellationToken ct) =>
        await workspace.FindAsync(escalationId, ct) is { } escalation
            ? EscalationNotice.For(workspace.Context.Child, escalation, workspace.Options, workspace.Today)
            : null;
}
