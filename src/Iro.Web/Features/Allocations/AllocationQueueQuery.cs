using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// "Awaiting allocation": every child looked after today in a period of care (not a short-break series) that no
/// allocation covers today, with the deadline (the fifth working day after the period began), overdue first.
/// An agency coordinator sees only the open referrals to their agency; everyone else the whole queue.
/// </summary>
public sealed class AllocationQueueQuery(IroDbContext db, BankHolidayCalendar holidays)
{
    /// <param name="Referral">The open referral to an agency for the period, if any.</param>
    public sealed record Row(string ChildId, string Name, DateOnly PeriodStart, Deadline Deadline, OpenReferral? Referral);

    public sealed record OpenReferral(int Id, string Agency, DateOnly SentOn, Guid Version);

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var children = db.Children.AsNoTracking().LookedAfterOn(today).Where(c => !c.IroAllocations.AsQueryable().Any(AllocationRules.CurrentOn(today)));
        if (user.Scope == ChildScope.Agency)
            children = children.Where(c => db.AgencyReferrals.Any(r => r.ChildId == c.Id && r.ClosedOn == null && r.Agency == user.Agency));
        else if (user.Scope != ChildScope.All)
            return [];

        var loaded = await children.Include(c => c.Episodes).Include(c => c.IroAllocations).AsSplitQuery().ToListAsync(ct);
        var keys = loaded.Select(c => c.Id).ToList();
        var referrals = await db.AgencyReferrals.AsNoTracking().Where(r => keys.Contains(r.ChildId) && r.ClosedOn == null).ToListAsync(ct);
        var calendar = await holidays.GetAsync(ct);
        return [.. loaded.Select(c => RowOf(c, referrals, today, calendar)).OfType<Row>()
            .OrderByDescending(r => r.Deadline.State == DeadlineState.Overdue).ThenBy(r => r.Deadline.DueOn).ThenBy(r => r.ChildId, StringComparer.Ordinal)];
    }

    private static Row? RowOf(Child child, List<AgencyReferral> referrals, DateOnly today, IWorkingDayCalendar calendar)
    {
        var spans = child.IroAllocations.Select(a => new AllocationSpan(a.ReviewingOfficerId, a.From, a.To)).ToList();
        if (AllocationHistory.AwaitingAllocation(PeriodsOfCare.From(child.Episodes), spans, today) is not { } period) return null;
        var referral = referrals.Where(r => r.ChildId == child.Id && r.PeriodStart == period.Start).Select(r => new OpenReferral(r.Id, r.Agency, r.SentOn, r.Version)).FirstOrDefault();
        return new Row(child.LocalId, child.DisplayName, period.Start, AllocationHistory.Deadline(period.Start, calendar).JudgedOn(today, null), referral);
    }
}
