using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Escalations;

/// <summary>Closes the escalation at its current stage with an outcome, the date and a note.</summary>
[Authorize(Policy = Permissions.Escalate)]
public sealed class ResolveModel(EscalationWorkspace workspace) : EscalationFormModel(workspace)
{
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateInput ResolvedOn { get; set; } = new();
    [BindProperty] public string? ResolutionNote { get; set; }

    private EscalationOutcome? _outcome;
    private DateOnly? _resolvedOn;

    public static IEnumerable<(string Value, string Label)> Outcomes =>
        Enum.GetValues<EscalationOutcome>().Select(o => (o.ToString(), EscalationLabels.Outcome(o)));

    protected override void Prefill() => ResolvedOn = DateInput.From(Today);

    protected override IReadOnlyList<ReviewProblem> Problems()
    {
        _outcome = Enum.GetValues<EscalationOutcome>().Cast<EscalationOutcome?>().FirstOrDefault(o => o.ToString() == Outcome);
        _resolvedOn = ResolvedOn.Read(ModelState, nameof(ResolvedOn), "Date resolved");
        return Escalation.ResolutionProblems(_outcome, _resolvedOn, ResolutionNote, Today);
    }

    protected override void Apply(IWorkingDayCalendar calendar) => Escalation.Resolve(_outcome!.Value, _resolvedOn!.Value, ResolutionNote, Today);
}
