using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;

namespace Iro.Web.Features.Allocations;

/// <summary>The first allocation of the period of care the child is in, chosen from the ranked IROs.</summary>
[Authorize(Policy = Permissions.Allocate)]
public sealed class AllocateModel(AllocationWorkspace workspace, ChildContext context) : AllocationFormModel(workspace, context)
{
    /// <summary>The period waiting for an IRO today, with its deadline; null when none is waiting.</summary>
    public (DateOnly PeriodStart, Deadline Deadline)? Waiting { get; private set; }

    protected override bool Applies(ChildAllocations state) => state.Open is null;

    protected override string Elsewhere => ChildLinks.Record(Child.LocalId) + "/reallocate";

    protected override Task<AllocationOutcome> SaveAsync(int officerId, DateOnly startsOn, CancellationToken ct) =>
        Workspace.AllocateAsync(Child.Id, officerId, startsOn, Stamp, ConfirmWarnings, ct);

    protected override async Task LoadedAsync(CancellationToken ct)
    {
        if (AllocationHistory.AwaitingAllocation(State.Periods, State.Spans, Today) is { } period)
            Waiting = (period.Start, AllocationHistory.Deadline(period.Start, await Workspace.CalendarAsync(ct)).JudgedOn(Today, null));
    }
}
