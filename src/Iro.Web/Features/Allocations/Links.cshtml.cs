using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// Links between a looked-after parent and their child, both children of the service. Allocation then blocks
/// giving the two the same IRO.
/// </summary>
[Authorize(Policy = Permissions.ManageStaffing)]
public sealed class LinksModel(ChildContext context, IroDbContext db) : PageModel
{
    public const string IsParentOf = "parent-of";
    public const string IsChildOf = "child-of";

    public static IEnumerable<(string Value, string Label)> Relations => [(IsParentOf, "This child is the parent of"), (IsChildOf, "This child is the child of")];

    public sealed record Linked(string ChildId, string Name, bool IsParent);

    [BindProperty] public string? Relation { get; set; }
    [BindProperty] public string? OtherChildId { get; set; }

    public Child Child => context.Child;
    public IReadOnlyList<Linked> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!context.CanWrite) return Redirect(ChildLinks.Record(Child.LocalId));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var problems = new List<ReviewProblem>();
        if (Relation is not (IsParentOf or IsChildOf)) problems.Add(new(nameof(Relation), "Select how the children are related"));
        var other = string.IsNullOrWhiteSpace(OtherChildId) ? null
            : await db.Children.AsNoTracking().Where(c => c.LocalId == OtherChildId.Trim()).Select(c => new { c.Id, c.LocalId }).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(OtherChildId)) problems.Add(new(nameof(OtherChildId), "Enter the other child's ID"));
        else if (other is null) problems.Add(new(nameof(OtherChildId), "No child has this ID"));
        else if (other.Id == Child.Id) problems.Add(new(nameof(OtherChildId), "Enter another child's ID"));
        else if (Links.Any(l => l.ChildId == other.LocalId)) problems.Add(new(nameof(OtherChildId), "The children are already linked"));
        if (!GovukForm.AddProblems(ModelState, problems)) return Page();

        db.ParentChildLinks.Add(Relation == IsParentOf
            ? new ParentChildLink { ParentId = Child.Id, ChildOfParentId = other!.Id }
            : new ParentChildLink { ParentId = other!.Id, ChildOfParentId = Child.Id });
        await db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Record(Child.LocalId) + "/links");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var key = Child.Id;
        var asParent = await db.ParentChildLinks.AsNoTracking().Where(l => l.ParentId == key)
            .Select(l => new { l.ChildOfParent!.LocalId, l.ChildOfParent.FirstName, l.ChildOfParent.LastName }).ToListAsync(ct);
        var asChild = await db.ParentChildLinks.AsNoTracking().Where(l => l.ChildOfParentId == key)
            .Select(l => new { l.Parent!.LocalId, l.Parent.FirstName, l.Parent.LastName }).ToListAsync(ct);
        Links = [.. asParent.Select(c => new Linked(c.LocalId, Child.DisplayNameOf(c.LocalId, c.FirstName, c.LastName), IsParent: false)),
            .. asChild.Select(c => new Linked(c.LocalId, Child.DisplayNameOf(c.LocalId, c.FirstName, c.LastName), IsParent: true))];
    }
}
