using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

public sealed class IndexModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<Review> Reviews { get; private set; } = [];
    public DateOnly? NextDue { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(string childId, CancellationToken ct)
    {
        var child = await workspace.ChildAsync(childId, ct);
        if (child is null) return NotFound();
        Child = child;
        Reviews = [.. child.Reviews.OrderByDescending(r => r.HeldOn)];
        NextDue = workspace.Due.For(child);
        Today = workspace.Today;
        CanPlan = ReviewPermissions.CanPlan(await workspace.UserAsync(ct));
        return Page();
    }
}
