using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Allocations;

/// <summary>A change of IRO: the open allocation ends on the effective date and the new IRO's starts, with a reason.</summary>
[Authorize(Policy = Permissions.Allocate)]
public sealed class ReallocateModel(AllocationWorkspace workspace, ChildContext context) : AllocationFormModel(workspace, context)
{
    [BindProperty] public string? Reason { get; set; }

    public IEnumerable<(string Value, string Label)> Reasons => Workspace.Options.EffectiveChangeReasons.Select(r => (r.Key, r.Label));

    protected override bool Applies(ChildAllocations state) => state.Open is not null;

    protected override string Elsewhere => ChildLinks.Record(Child.LocalId) + "/allocate";

    protected override IEnumerable<ReviewProblem> OwnProblems() =>
        Label() is null ? [new(nameof(Reason), "Select the reason for the change")] : [];

    protected override Task<AllocationOutcome> SaveAsync(int officerId, DateOnly startsOn, CancellationToken ct) =>
        Workspace.ReallocateAsync(Child.Id, officerId, startsOn, Label()!, Stamp, ConfirmWarnings, ct);

    private string? Label() => Workspace.Options.EffectiveChangeReasons.FirstOrDefault(r => r.Key == Reason)?.Label;
}
