using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.PlacementMoves;

/// <summary>The child's placement moves (from the care episodes) with what was recorded about each.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(ChildContext context, IroDbContext db) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<(DateOnly MovedOn, PlacementMoveRecord? Record)> Moves { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = context.Child;
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == context.ChildKey).ToListAsync(ct);
        var records = await db.PlacementMoveRecords.AsNoTracking().Where(r => r.ChildId == context.ChildKey).ToDictionaryAsync(r => r.MovedOn, ct);
        Moves = [.. global::Iro.Domain.Voice.PlacementMoves.MoveDates(episodes).Reverse().Select(d => (d, records.GetValueOrDefault(d)))];
        CanRecord = await context.CanChangeAsync(Permissions.RecordVoice);
    }
}
