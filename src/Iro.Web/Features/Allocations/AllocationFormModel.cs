using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// The allocate and reallocate forms: the ranked IROs on the date, the chosen IRO and date, the siblings warning
/// to confirm, and the stamp of the history shown so a stale form is refused. Every change goes through
/// <see cref="AllocationWorkspace"/>; an agency coordinator is offered, and may choose, only their agency's IROs.
/// </summary>
public abstract class AllocationFormModel(AllocationWorkspace workspace, ChildContext context) : PageModel
{
    [BindProperty] public int? Officer { get; set; }
    [BindProperty] public DateInput Date { get; set; } = new();
    [BindProperty] public bool ConfirmWarnings { get; set; }
    [BindProperty] public string Stamp { get; set; } = "";

    public Child Child => context.Child;
    public ChildAllocations State { get; private set; } = null!;
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public DateOnly Today => workspace.Today;
    protected AllocationWorkspace Workspace => workspace;

    /// <summary>Whether the form applies to the child as they are (allocate: nothing open; reallocate: an open allocation).</summary>
    protected abstract bool Applies(ChildAllocations state);

    /// <summary>Where to send the user when the form does not apply.</summary>
    protected abstract string Elsewhere { get; }

    /// <summary>The form's own fields' problems (the reason for a change).</summary>
    protected virtual IEnumerable<ReviewProblem> OwnProblems() => [];

    protected abstract Task<AllocationOutcome> SaveAsync(int officerId, DateOnly startsOn, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!context.CanWrite) return Redirect(ChildLinks.Record(Child.LocalId));
        await LoadAsync(Today, ct);
        if (!Applies(State)) return Redirect(Elsewhere);
        Stamp = State.Stamp;
        Date = DateInput.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var date = Date.Read(ModelState, nameof(Date), "The date", "Enter the date");
        await LoadAsync(date ?? Today, ct);
        if (!Applies(State) && State.Stamp == Stamp) return Redirect(Elsewhere);
        var problems = OwnProblems().ToList();
        if (Officer is not { } officerId || Suggestions.All(s => s.Candidate.OfficerId != officerId))
            problems.Add(new(nameof(Officer), "Select an IRO from the list"));
        if (!GovukForm.AddProblems(ModelState, problems)) return Page();

        var outcome = await SaveAsync(Officer!.Value, date!.Value, ct);
        if (outcome.Saved) return Redirect(ChildLinks.Record(Child.LocalId));
        if (outcome.IsStale)
        {
            ModelState.AddModelError("", AllocationWorkspace.ConcurrencyMessage);
            await LoadAsync(date!.Value, ct);
            Stamp = State.Stamp;
            return Page();
        }

        GovukForm.AddProblems(ModelState, outcome.Problems.Select(p => new ReviewProblem(p.Field == "iro" ? nameof(Officer) : nameof(Date), p.Message)));
        Warnings = outcome.Warnings;
        return Page();
    }

    private async Task LoadAsync(DateOnly on, CancellationToken ct)
    {
        State = await workspace.LoadAsync(context.ChildKey, ct);
        var user = await context.UserAsync(ct);
        Suggestions = await workspace.SuggestionsAsync(State, on, user.Scope == ChildScope.Agency ? user.Agency : null, ct);
        await LoadedAsync(ct);
    }

    /// <summary>Loads what else the page shows, once the child's allocations are loaded.</summary>
    protected virtual Task LoadedAsync(CancellationToken ct) => Task.CompletedTask;
}
