using Iro.Domain.Children;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Missing;

/// <summary>The child's missing and away episodes (from the 903 return or entered by hand) and their return home interviews.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(ChildContext context, IroDbContext db) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<MissingEpisode> Episodes { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = context.Child;
        Episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.ChildId == context.ChildKey).OrderByDescending(e => e.Start).ToListAsync(ct);
        CanRecord = await context.CanChangeAsync(Permissions.RecordVoice);
    }
}
