using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Home;

/// <summary>
/// The service's headline counts. Analysts see service-wide totals; IROs and agencies their current caseload,
/// counted exactly as the children list and the IRO caseloads count it.
/// </summary>
public sealed class HeadlineQuery(IroDbContext db, Officers.CaseloadQuery caseloads)
{
    public sealed record Headlines(
        DateOnly Today, DateOnly March31, int LookedAfterToday, int LookedAfterAtMarch31, DateOnly YearStart,
        int StartedThisYear, int CeasedThisYear, int ReviewsThisYear, int CurrentIros, decimal CurrentFte, bool ServiceWide);

    public async Task<Headlines> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var serviceWide = user.Scope == ChildScope.All || user.IsInRole(Roles.Analyst);
        IQueryable<Child> children = serviceWide ? db.Children.AsNoTracking() : db.Children.AsNoTracking().VisibleTo(user);
        var march31 = ReportingYear.LatestMarch31(today);
        var yearStart = ReportingYear.Containing(today).Start;

        var all = db.Children.AsNoTracking();
        var lookedAfterToday = await (serviceWide ? all.LookedAfterOn(today) : all.CurrentCaseloadOf(user, today)).CountAsync(ct);
        var atMarch31 = await (serviceWide ? all.LookedAfterOn(march31) : all.CurrentCaseloadOf(user, march31)).CountAsync(ct);
        var episodes = children.SelectMany(c => c.Episodes);
        var started = await episodes.CountAsync(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.Start >= yearStart && e.Start <= today, ct);
        var ceased = await episodes.CountAsync(e => e.End != null && e.End >= yearStart && e.End <= today && e.ReasonCeased != ReasonEpisodeCeased.X1, ct);
        var reviews = await children.SelectMany(c => c.Reviews).Held().CountAsync(r => r.HeldOn >= yearStart && r.HeldOn <= today, ct);
        var officers = (await caseloads.RunAsync(user, today, ct)).Where(o => o.IsCurrent).ToList();
        return new Headlines(today, march31, lookedAfterToday, atMarch31, yearStart, started, ceased, reviews, officers.Count, officers.Sum(o => o.Fte), serviceWide);
    }
}
