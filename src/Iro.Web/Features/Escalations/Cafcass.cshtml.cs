using Iro.Domain.Calendar;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Escalations;

/// <summary>Records a referral to Cafcass: the date and the reason. It can be made at any time, open or closed.</summary>
[Authorize(Policy = Permissions.Escalate)]
public sealed class CafcassModel(EscalationWorkspace workspace) : EscalationFormModel(workspace)
{
    [BindProperty] public DateInput CafcassReferredOn { get; set; } = new();
    [BindProperty] public string? CafcassReason { get; set; }

    private DateOnly? _referredOn;

    protected override void Prefill() => CafcassReferredOn = DateInput.From(Today);

    protected override IReadOnlyList<ReviewProblem> Problems()
    {
        _referredOn = CafcassReferredOn.Read(ModelState, nameof(CafcassReferredOn), "Date of the referral");
        return Escalation.CafcassProblems(_referredOn, CafcassReason, Today);
    }

    protected override void Apply(IWorkingDayCalendar calendar) => Escalation.ReferToCafcass(_referredOn!.Value, CafcassReason!, Today);
}
