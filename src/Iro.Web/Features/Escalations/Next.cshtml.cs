using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// Takes the escalation to a level above the current one: the next level up ("escalated"), or a higher one
/// ("bypassed to"), addressed to a named person.
/// </summary>
[Authorize(Policy = Permissions.Escalate)]
public sealed class NextModel(EscalationWorkspace workspace) : EscalationFormModel(workspace)
{
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? RecipientRole { get; set; }
    [BindProperty] public DateInput RaisedOn { get; set; } = new();

    private StageAddressee? _next;

    /// <summary>The levels above the current stage's, each saying whether choosing it escalates or bypasses.</summary>
    public IEnumerable<(string Value, string Label)> LevelsAbove()
    {
        var rank = Options.RankOf(Escalation.CurrentStage?.Level);
        return Options.EffectiveLevels.Skip(rank + 1).Select((level, i) =>
            (level.Key, (i == 0 ? "Escalate to " : "Bypass to ") + $"{level.Label} ({level.Recipient}, {level.WorkingDays} working days)"));
    }

    protected override void Prefill()
    {
        RaisedOn = DateInput.From(Today);
        Level = Options.NextAbove(Escalation.CurrentStage!.Level)?.Key;
    }

    protected override IReadOnlyList<ReviewProblem> Problems()
    {
        _next = new StageAddressee(Level, RecipientName, RecipientRole, RaisedOn.Read(ModelState, nameof(RaisedOn), "Date raised"));
        return Escalation.NextStageProblems(_next, Options, Today);
    }

    protected override void Apply(IWorkingDayCalendar calendar) => Escalation.MoveTo(_next!, Options, calendar, Today);
}
