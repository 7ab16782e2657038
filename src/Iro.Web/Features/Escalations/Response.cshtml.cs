using Iro.Domain.Calendar;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Escalations;

/// <summary>Records the response to the current stage: its date and what was said.</summary>
[Authorize(Policy = Permissions.Escalate)]
public sealed class ResponseModel(EscalationWorkspace workspace) : EscalationFormModel(workspace)
{
    [BindProperty] public DateInput RespondedOn { get; set; } = new();
    // Posted as "Response", the field the rules report problems against (the page model's own Response is the HTTP response).
    [BindProperty(Name = "Response")] public string? ResponseText { get; set; }

    private DateOnly? _respondedOn;

    protected override void Prefill() => RespondedOn = DateInput.From(Today);

    protected override IReadOnlyList<ReviewProblem> Problems()
    {
        _respondedOn = RespondedOn.Read(ModelState, nameof(RespondedOn), "Date of the response");
        return Escalation.ResponseProblems(_respondedOn, ResponseText, Today);
    }

    protected override void Apply(IWorkingDayCalendar calendar) => Escalation.RecordResponse(_respondedOn!.Value, ResponseText!, Today);
}
