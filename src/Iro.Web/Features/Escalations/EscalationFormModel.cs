using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// A form that changes one escalation (a response, the next stage, the resolution, a Cafcass referral): loads it
/// by the child's key (another child's escalation is not found), carries its version so a stale form is refused,
/// shows the rules' problems in the error summary and saves nothing until there are none.
/// </summary>
public abstract class EscalationFormModel(EscalationWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public Escalation Escalation { get; private set; } = null!;
    public EscalationOptions Options => workspace.Options;
    protected DateOnly Today => workspace.Today;

    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int escalationId, CancellationToken ct)
    {
        if (!await LoadAsync(escalationId, ct)) return NotFound();
        if (!workspace.Context.CanWrite) return Redirect(ChildLinks.Escalation(Child.LocalId, escalationId));
        Version = Escalation.Version;
        Prefill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int escalationId, CancellationToken ct)
    {
        if (!await LoadAsync(escalationId, ct)) return NotFound();
        var calendar = await workspace.CalendarAsync(ct);
        var problems = Problems();
        if (!GovukForm.AddProblems(ModelState, problems)) return Page();
        if (Version == Escalation.Version)
        {
            Apply(calendar);
            if (await workspace.TrySaveAsync(Escalation, Version, ct)) return Redirect(ChildLinks.Escalation(Child.LocalId, escalationId));

            // The refused change is still tracked; show what is stored instead.
            workspace.Db.ChangeTracker.Clear();
            await LoadAsync(escalationId, ct);
        }

        ModelState.AddModelError("", EscalationWorkspace.ConcurrencyMessage);
        return Page();
    }

    /// <summary>Sets the form's starting values when it is first shown.</summary>
    protected virtual void Prefill()
    {
    }

    /// <summary>What the rules find wrong with the posted form (dates that could not be read are already in the model state).</summary>
    protected abstract IReadOnlyList<ReviewProblem> Problems();

    /// <summary>Makes the change; called only when <see cref="Problems"/> found none.</summary>
    protected abstract void Apply(IWorkingDayCalendar calendar);

    private async Task<bool> LoadAsync(int escalationId, CancellationToken ct)
    {
        Child = workspace.Context.Child;
        var escalation = await workspace.FindAsync(escalationId, ct);
        if (escalation is null) return false;
        Escalation = escalation;
        return true;
    }
}
