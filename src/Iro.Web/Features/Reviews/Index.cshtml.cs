using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>The child's reviews: booked, held and cancelled, with the next due date.</summary>
public sealed class IndexModel(ReviewWorkspace workspace) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<Review> Reviews { get; private set; } = [];
    public DateOnly? NextDue { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanPlan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = await workspace.ChildAsync(ct);
        Reviews = [.. Child.Reviews.OrderByDescending(r => r.HeldOn)];
        NextDue = workspace.Due.For(Child);
        Today = workspace.Today;
        CanPlan = await workspace.Context.CanChangeAsync(Permissions.PlanReviews);
    }
}
