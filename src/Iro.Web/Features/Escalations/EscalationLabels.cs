using Iro.Domain.Calendar;
using Iro.Domain.Escalations;

namespace Iro.Web.Features.Escalations;

/// <summary>How escalations' outcomes, levels, themes, steps and clocks read on the pages and in the notice.</summary>
public static class EscalationLabels
{
    public static string Outcome(EscalationOutcome outcome) => EscalationFigures.OutcomeLabel(outcome);

    public static string Level(EscalationOptions options, string key) => options.Level(key)?.Label ?? key;

    public static string Theme(EscalationOptions options, string key) => options.Theme(key)?.Label ?? key;

    /// <summary>What happened after a stage, naming the level it went to.</summary>
    public static string NextStep(EscalationOptions options, Escalation escalation, EscalationStage stage)
    {
        var next = escalation.Stages.FirstOrDefault(s => s.Sequence == stage.Sequence + 1);
        return stage.NextStep switch
        {
            StageNextStep.Resolved => "Resolved at this stage",
            StageNextStep.Escalated => "Escalated to " + Level(options, next?.Level ?? ""),
            StageNextStep.Bypassed => "Bypassed to " + Level(options, next?.Level ?? ""),
            _ => escalation.IsOpen ? "Current stage" : "",
        };
    }

    /// <summary>A clock as a GOV.UK tag: due, due soon, overdue, or met (on time or late).</summary>
    public static (string Text, string TagClass) Clock(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.State switch
        {
            DeadlineState.Overdue => ("Overdue", "govuk-tag--red"),
            DeadlineState.DueSoon => ("Due soon", "govuk-tag--yellow"),
            DeadlineState.OnTime => ("Met", "govuk-tag--green"),
            DeadlineState.Late => ("Met late", "govuk-tag--orange"),
            _ => ("Due", "govuk-tag--blue"),
        };
    }
}
