using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Voice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.PlacementMoves;

/// <summary>Placement moves in a period and the share where the child was consulted before the move: figures only.</summary>
[Authorize]
public sealed class ServiceModel(IroDbContext db, CurrentUserAccessor users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = new();

    public ServicePeriod Period { get; private set; } = null!;
    public int Moves { get; private set; }
    public int Recorded { get; private set; }
    public int Consulted { get; private set; }
    public int IroToldBefore { get; private set; }
    public decimal? PercentConsulted => ReturnInterviews.Percent(Consulted, Moves);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!VoiceScope.MayOpen(user)) return Forbid();
        Period = ServicePeriod.Read(From, To, ModelState, clock.ServiceToday());
        (From, To) = (DateInput.From(Period.From), DateInput.From(Period.To));
        var counted = VoiceScope.CountedChildren(db, user).Select(c => c.Id);
        // Only children with an episode starting in the period can have moved in it.
        var movers = db.CareEpisodes.Where(e => e.Start >= Period.From && e.Start <= Period.To && counted.Contains(e.ChildId)).Select(e => e.ChildId);
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => movers.Contains(e.ChildId)).ToListAsync(ct);
        var moves = episodes.GroupBy(e => e.ChildId)
            .SelectMany(g => global::Iro.Domain.Voice.PlacementMoves.MoveDates(g).Where(Period.Contains).Select(d => (ChildId: g.Key, MovedOn: d)))
            .ToHashSet();
        var records = (await db.PlacementMoveRecords.AsNoTracking().Where(r => r.MovedOn >= Period.From && r.MovedOn <= Period.To && movers.Contains(r.ChildId)).ToListAsync(ct))
            .Where(r => moves.Contains((r.ChildId, r.MovedOn))).ToList();
        (Moves, Recorded) = (moves.Count, records.Count);
        Consulted = records.Count(r => r.ConsultedBeforeMove == true);
        IroToldBefore = records.Count(r => r.IroTold == IroToldOfMove.BeforeMove);
        return Page();
    }
}
