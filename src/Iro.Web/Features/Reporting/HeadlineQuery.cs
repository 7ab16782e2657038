using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable.Store;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>
/// The service's headline counts. Roles that may not open children (analysts) see service-wide totals, which
/// name no child; IROs and agencies their current caseload, counted exactly as the children list and the IRO
/// caseloads count it.
/// </summary>
public sealed class HeadlineQuery(IroDbContext db, Officers.CaseloadQuery caseloads, TimetableStore store)
{
    public sealed record Headlines(
        DateOnly Today, DateOnly March31, int LookedAfterToday, int LookedAfterAtMarch31, DateOnly YearStart,
        int StartedThisYear, int CeasedThisYear, int ReviewsThisYear, int CurrentIros, decimal CurrentFte, bool ServiceWide);

    public async Task<Headlines> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var serviceWide = user.Scope == ChildScope.All || !user.Can(Permissions.ViewChildren);
        IQueryable<Child> children = serviceWide ? db.Children.AsNoTracking() : db.Children.AsNoTracking().VisibleTo(user);
        var march31 = ReportingYear.LatestMarch31(today);
        var yearStart = ReportingYear.Containing(today).Start;

        var all = db.Children.AsNoTracking();
        // Service-wide, today's count is read from the stored state (set with the same rule, CareRules.LookedAfterOn).
        await store.EnsureFreshAsync(today, ct);
        var lookedAfterToday = serviceWide
            ? await db.ChildTimetableStates.CountAsync(s => s.AsOf == today && s.LookedAfter, ct)
            : await CaseloadOn(today).CountAsync(ct);
        var atMarch31 = await CaseloadOn(march31).CountAsync(ct);
        var episodes = children.SelectMany(c => c.Episodes);
        var started = await episodes.CountAsync(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.Start >= yearStart && e.Start <= today, ct);
        var ceased = await episodes.CountAsync(e => e.End != null && e.End >= yearStart && e.End <= today && e.ReasonCeased != ReasonEpisodeCeased.X1, ct);
        var reviews = await children.SelectMany(c => c.Reviews).Held().CountAsync(r => r.HeldOn >= yearStart && r.HeldOn <= today, ct);
        var officers = (await caseloads.RunAsync(user, today, ct)).Where(o => o.IsCurrent).ToList();
        return new Headlines(today, march31, lookedAfterToday, atMarch31, yearStart, started, ceased, reviews, officers.Count, officers.Sum(o => o.Fte), serviceWide);

        IQueryable<Child> CaseloadOn(DateOnly on) => serviceWide ? all.LookedAfterOn(on) : all.CurrentCaseloadOf(user, on);
    }
}
