using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.ConnectedPersons;

/// <summary>The child's connected-person temporary approvals, with a form to record one.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(ChildContext context, IroDbContext db) : ApprovalFormModel(context, db)
{
    public IReadOnlyList<ConnectedPersonApproval> Approvals { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Context.CanAsync(Permissions.RecordVoice)) return Forbid();
        var approval = new ConnectedPersonApproval { ChildId = Context.ChildKey };
        if (!TryApply(approval))
        {
            await LoadAsync(ct);
            return Page();
        }

        Db.ConnectedPersonApprovals.Add(approval);
        await Db.SaveChangesAsync(ct);
        return Redirect(ConnectedPersonLinks.Index(Context.Child.LocalId));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Child = Context.Child;
        Approvals = await Db.ConnectedPersonApprovals.AsNoTracking().Where(a => a.ChildId == Context.ChildKey)
            .OrderByDescending(a => a.ApprovedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        CanRecord = await Context.CanChangeAsync(Permissions.RecordVoice);
    }
}
