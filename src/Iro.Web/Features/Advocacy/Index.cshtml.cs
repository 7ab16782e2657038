using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Advocacy;

/// <summary>The child's advocacy referrals, with a warning when the child is in secure accommodation without one open.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(AdvocacyWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<AdvocacyReferral> Referrals { get; private set; } = [];
    public VoiceOptions Options => workspace.Options;
    public DateOnly Today { get; private set; }
    public bool LacksAdvocacy { get; private set; }
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = workspace.Context.Child;
        Today = workspace.Today;
        Referrals = await workspace.AllAsync(ct);
        LacksAdvocacy = await workspace.LacksAdvocacyAsync(Referrals, ct);
        CanRecord = await workspace.Context.CanChangeAsync(Permissions.RecordVoice);
    }
}
