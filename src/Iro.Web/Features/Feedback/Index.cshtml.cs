using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Feedback;

/// <summary>The consultation returns the child gave, newest first.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(ChildContext context, IroDbContext db) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<FeedbackReturn> Returns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = context.Child;
        Returns = await db.FeedbackReturns.AsNoTracking().Where(f => f.ChildId == context.ChildKey)
            .OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.Id).ToListAsync(ct);
    }
}
