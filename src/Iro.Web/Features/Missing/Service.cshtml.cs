using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Voice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Missing;

/// <summary>
/// Missing episodes that started in a period: children missing, episodes, returns and return home interviews
/// within 72 hours; and, for users who open records, the episodes awaiting an interview.
/// </summary>
[Authorize]
public sealed class ServiceModel(IroDbContext db, VersionedResults results, CurrentUserAccessor users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = new();

    public ServicePeriod Period { get; private set; } = null!;
    public MissingFigures Figures { get; private set; } = null!;
    public bool ShowsNames { get; private set; }
    public IReadOnlyList<(Child Child, MissingEpisode Episode)> Awaiting { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!VoiceScope.MayOpen(user)) return Forbid();
        Period = ServicePeriod.Read(From, To, ModelState, clock.ServiceToday());
        (From, To) = (DateInput.From(Period.From), DateInput.From(Period.To));
        ShowsNames = VoiceScope.ShowsNames(user);
        var period = Period;
        var view = await results.GetAsync(db, "missing", user, $"{period.From:O}|{period.To:O}", clock.ServiceToday(),
            services => ComputeAsync(services.GetRequiredService<IroDbContext>(), user, period), ct);
        (Figures, Awaiting) = (view.Figures, view.Awaiting);
        return Page();
    }

    private sealed record View(MissingFigures Figures, IReadOnlyList<(Child Child, MissingEpisode Episode)> Awaiting);

    private static async Task<View> ComputeAsync(IroDbContext db, CurrentUser user, ServicePeriod period)
    {
        var counted = VoiceScope.CountedChildren(db, user).Select(c => c.Id);
        var episodes = await InPeriod(db, period).Where(e => counted.Contains(e.ChildId)).ToListAsync();
        var named = VoiceScope.NamedChildren(db, user);
        var awaiting = await InPeriod(db, period).Where(e => e.End != null && e.InterviewCompletedOn == null && e.InterviewDeclined != true)
            .Join(named, e => e.ChildId, c => c.Id, (e, c) => new { Episode = e, Child = c })
            .OrderBy(x => x.Episode.End).ToListAsync();
        return new View(ReturnInterviews.FiguresFor(episodes), [.. awaiting.Select(x => (x.Child, x.Episode))]);
    }

    private static IQueryable<MissingEpisode> InPeriod(IroDbContext db, ServicePeriod period) =>
        db.MissingEpisodes.AsNoTracking().Where(e => e.Start >= period.From && e.Start <= period.To);
}
