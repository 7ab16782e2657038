using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// Raises an escalation about the child's plan: from the record, from an overdue review decision
/// (<c>?decision=</c>, prefilled with the decision and its due date) or from a list of drifting plans
/// (<c>?theme=</c> and <c>?concern=</c>).
/// </summary>
[Authorize(Policy = Permissions.Escalate)]
public sealed class NewModel(EscalationWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public EscalationOptions Options => workspace.Options;

    [BindProperty] public string? Concern { get; set; }
    [BindProperty] public string? ActionRequested { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? RecipientRole { get; set; }
    [BindProperty] public DateInput RaisedOn { get; set; } = new();

    /// <summary>The review decision the escalation challenges, when raised from one.</summary>
    [BindProperty] public int? ReviewDecisionId { get; set; }

    public async Task<IActionResult> OnGetAsync(int? decision, string? theme, string? concern, CancellationToken ct)
    {
        Child = workspace.Context.Child;
        if (!workspace.Context.CanWrite) return Redirect(ChildLinks.Escalations(Child.LocalId));
        RaisedOn = DateInput.From(workspace.Today);
        Level = Options.EffectiveLevels[0].Key;
        if (Options.Theme(theme) is { } preset) Themes = [preset.Key];
        Concern = concern;
        if (decision is { } id && await DecisionAsync(id, ct) is { } overdue)
        {
            ReviewDecisionId = overdue.Id;
            Concern = $"The decision made at the review on {overdue.Review!.HeldOn:d MMMM yyyy}, \"{overdue.What}\" ({overdue.PersonName}, {overdue.PersonRole}), was due by {overdue.DueBy:d MMMM yyyy} and has not been done.";
            ActionRequested = $"{overdue.What}: please confirm the date by which it will be done.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = workspace.Context.Child;
        var raisedOn = RaisedOn.Read(ModelState, nameof(RaisedOn), "Date raised");
        if (ReviewDecisionId is { } id && await DecisionAsync(id, ct) is null) return NotFound();
        var officer = await workspace.RaisingOfficerAsync(ct);
        var start = new EscalationStart(
            Child.Id, officer ?? 0, Concern, ActionRequested, Themes, new StageAddressee(Level, RecipientName, RecipientRole, raisedOn), ReviewDecisionId);
        var problems = Escalation.StartProblems(start, Options, workspace.Today).ToList();
        if (officer is null) problems.Add(new ReviewProblem("", "The child has no IRO allocated to raise the escalation"));
        if (!GovukForm.AddProblems(ModelState, problems)) return Page();

        var escalation = Escalation.Start(start, Options, await workspace.CalendarAsync(ct), workspace.Today);
        workspace.Db.Escalations.Add(escalation);
        await workspace.Db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Escalation(Child.LocalId, escalation.Id));
    }

    /// <summary>An open decision of this child's reviews that is past its date; null for any other.</summary>
    private async Task<ReviewDecision?> DecisionAsync(int id, CancellationToken ct)
    {
        var today = workspace.Today;
        var decision = await workspace.Db.ReviewDecisions.AsNoTracking().Include(d => d.Review)
            .SingleOrDefaultAsync(d => d.Id == id && d.Review!.ChildId == workspace.Context.ChildKey && !d.IsDeleted, ct);
        return decision is not null && ReviewRules.IsOverdue(decision.Status, decision.DueBy, today) ? decision : null;
    }
}
