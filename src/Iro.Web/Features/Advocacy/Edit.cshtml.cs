using Iro.Domain.Voice;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Advocacy;

/// <summary>Changes an advocacy referral of the child (<c>?id=</c>), with a check that nobody changed it in between.</summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class EditModel(AdvocacyWorkspace workspace) : ReferralFormModel(workspace)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Child = Workspace.Context.Child;
        if (!Workspace.Context.CanWrite || Id == 0) return Redirect(AdvocacyLinks.Index(Child.LocalId));
        if (await Workspace.FindAsync(Id, ct) is not { } referral) return NotFound();
        Fill(referral);
        Version = referral.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = Workspace.Context.Child;
        if (await Workspace.FindAsync(Id, ct) is not { } referral) return NotFound();
        ReviewId = referral.ReviewId;
        if (Read() is not { } input) return Page();
        Apply(referral, input);
        if (!await Workspace.TrySaveAsync(referral, Version, ct))
        {
            ModelState.AddModelError("", AdvocacyWorkspace.ConcurrencyMessage);
            return Page();
        }

        return Redirect(AdvocacyLinks.Index(Child.LocalId));
    }
}
