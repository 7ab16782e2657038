using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Escalations;

/// <summary>One escalation: every stage with its clock, the total clock, the outcome and any Cafcass referral, and the actions.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class ShowModel(EscalationWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Escalation Escalation { get; private set; } = null!;
    public EscalationOptions Options => workspace.Options;
    public IWorkingDayCalendar Calendar { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanEscalate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int escalationId, CancellationToken ct)
    {
        var escalation = await workspace.FindAsync(escalationId, ct);
        if (escalation is null) return NotFound();
        (Child, Escalation, Today) = (workspace.Context.Child, escalation, workspace.Today);
        Calendar = await workspace.CalendarAsync(ct);
        CanEscalate = await workspace.Context.CanChangeAsync(Permissions.Escalate);
        return Page();
    }
}
