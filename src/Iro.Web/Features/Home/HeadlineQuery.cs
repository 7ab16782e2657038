using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Children;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Home;

/// <summary>The service's headline counts. Analysts see service-wide totals; IROs and agencies their own scope.</summary>
public sealed class HeadlineQuery(IroDbContext db)
{
    public sealed record Headlines(
        DateOnly Today, DateOnly March31, int LookedAfterToday, int LookedAfterAtMarch31, DateOnly YearStart,
        int StartedThisYear, int CeasedThisYear, int ReviewsThisYear, int CurrentIros, decimal CurrentFte, bool ServiceWide);

    public async Task<Headlines> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var serviceWide = user.Scope == ChildScope.All || user.IsInRole(Roles.Analyst);
        IQueryable<Child> children = serviceWide ? db.Children.AsNoTracking() : db.Children.AsNoTracking().VisibleTo(user);
        var march31 = LookedAfter.LatestMarch31(today);
        var (yearStart, _) = LookedAfter.ReportingYearOf(today);

        var lookedAfterToday = await children.LookedAfterOn(today).CountAsync(ct);
        var atMarch31 = await children.LookedAfterOn(march31).CountAsync(ct);
        var episodes = children.SelectMany(c => c.Episodes);
        var started = await episodes.CountAsync(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.Start >= yearStart && e.Start <= today, ct);
        var ceased = await episodes.CountAsync(e => e.End != null && e.End >= yearStart && e.End <= today && e.ReasonCeased != ReasonEpisodeCeased.X1, ct);
        var reviews = await children.SelectMany(c => c.Reviews).Held().CountAsync(r => r.HeldOn >= yearStart && r.HeldOn <= today, ct);
        var officers = db.ReviewingOfficers.AsNoTracking().VisibleTo(user).Where(o => o.StartDate <= today && (o.EndDate == null || o.EndDate >= today));
        var currentIros = await officers.CountAsync(ct);
        var fte = currentIros == 0 ? 0 : (await officers.Select(o => o.Fte).ToListAsync(ct)).Sum();
        return new Headlines(today, march31, lookedAfterToday, atMarch31, yearStart, started, ceased, reviews, currentIros, fte, serviceWide);
    }
}
