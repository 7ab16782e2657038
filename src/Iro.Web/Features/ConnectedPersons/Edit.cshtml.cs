using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.ConnectedPersons;

/// <summary>Changes a connected-person approval of the child (<c>?id=</c>), with a check that nobody changed it in between.</summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class EditModel(ChildContext context, IroDbContext db) : ApprovalFormModel(context, db)
{
    public const string ConcurrencyMessage =
        "Someone else changed this approval while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Child = Context.Child;
        if (!Context.CanWrite || Id == 0) return Redirect(ConnectedPersonLinks.Index(Child.LocalId));
        if (await FindAsync(ct) is not { } approval) return NotFound();
        Fill(approval);
        Version = approval.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = Context.Child;
        if (await FindAsync(ct) is not { } approval) return NotFound();
        if (!TryApply(approval)) return Page();
        Db.Entry(approval).Property(a => a.Version).OriginalValue = Version;
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
            return Page();
        }

        return Redirect(ConnectedPersonLinks.Index(Child.LocalId));
    }

    /// <summary>The approval, tracked; null when it is not this child's.</summary>
    private Task<Domain.Voice.ConnectedPersonApproval?> FindAsync(CancellationToken ct) =>
        Db.ConnectedPersonApprovals.SingleOrDefaultAsync(a => a.Id == Id && a.ChildId == Context.ChildKey, ct);
}
