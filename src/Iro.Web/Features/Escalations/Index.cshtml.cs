using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Escalations;

/// <summary>The child's escalations, open and closed, with the current stage's clock and the total clock.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(EscalationWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];
    public EscalationOptions Options => workspace.Options;
    public IWorkingDayCalendar Calendar { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEscalate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = workspace.Context.Child;
        Escalations = await workspace.AllAsync(ct);
        Calendar = await workspace.CalendarAsync(ct);
        Today = workspace.Today;
        CanEscalate = await workspace.Context.CanChangeAsync(Permissions.Escalate);
    }
}
