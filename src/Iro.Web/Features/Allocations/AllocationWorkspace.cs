using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// Every change to a child's IRO allocations goes through here: the allocate and reallocate pages and imports.
/// A change is checked as the whole history it would leave (<see cref="AllocationHistory.Problems"/>) plus the
/// blocks (an IRO not in post on the date; the IRO of a looked-after parent or child) and the siblings warning.
/// The caller passes the stamp of the history it showed, so a stale page is refused and nothing is written.
/// </summary>
public sealed class AllocationWorkspace(
    IroDbContext db, TimeProvider clock, IOptions<AllocationOptions> options, BankHolidayCalendar holidays, MyIro.IAllocationNotifier notifier)
{
    public const string ConcurrencyMessage =
        "Someone else changed this child's IRO allocation while you were looking at it. Nothing has been saved. Check the allocation below and try again";

    public AllocationOptions Options => options.Value;

    public DateOnly Today => clock.ServiceToday();

    public Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct) => holidays.GetAsync(ct);

    /// <summary>The child's periods of care and allocations (tracked, in date order) with the stamp of that history.</summary>
    public async Task<ChildAllocations> LoadAsync(int childKey, CancellationToken ct)
    {
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == childKey).ToListAsync(ct);
        var allocations = await db.IroAllocations.Include(a => a.ReviewingOfficer).Where(a => a.ChildId == childKey)
            .OrderBy(a => a.From).ToListAsync(ct);
        var siblingGroup = await db.Children.Where(c => c.Id == childKey).Select(c => c.SiblingGroup).SingleAsync(ct);
        return new ChildAllocations(childKey, siblingGroup, PeriodsOfCare.From(episodes), allocations);
    }

    /// <summary>
    /// What is wrong with a proposed allocation history for a child: the history's rules, then, for each span,
    /// an IRO not in post on its start and the IRO of a linked looked-after parent or child over the same days.
    /// Field names are those of an allocation row: "from", "to", "iro".
    /// </summary>
    public async Task<IReadOnlyList<AllocationProblem>> ProblemsAsync(int childKey, IReadOnlyList<AllocationSpan> proposed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var state = await LoadAsync(childKey, ct);
        db.ChangeTracker.Clear();
        return await ProblemsAsync(state, proposed, Enumerable.Range(0, proposed.Count), ct);
    }

    /// <summary>The ranked IROs for the child on a date; with <paramref name="agency"/>, only that agency's IROs.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestionsAsync(ChildAllocations state, DateOnly on, string? agency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var officers = db.ReviewingOfficers.AsNoTracking().Where(o => o.EndDate == null || o.EndDate > on);
        if (agency is not null) officers = officers.Where(o => o.Agency == agency);
        var rows = await officers.Select(o => new { o.Id, o.Name, o.Employment, o.StartDate, o.EndDate, o.Fte, Changes = o.FteChanges.Select(c => new FteChange(c.EffectiveFrom, c.Fte)).ToList() })
            .ToListAsync(ct);
        var caseloads = await CaseloadsAsync(on, ct);
        var candidates = rows.Select(o => new Candidate(o.Id, o.Name, o.Employment == Domain.Officers.Employment.InHouse,
            FteHistory.InPostOn(o.StartDate, o.EndDate, on), FteHistory.FteOn(o.Fte, o.Changes, on), caseloads.GetValueOrDefault(o.Id)));
        return AllocationSuggestions.Rank(candidates, await TiesAsync(state, on, ct), Options.Band);
    }

    /// <summary>The siblings warning for allocating the IRO to the child on the date.</summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(ChildAllocations state, int officerId, DateOnly on, CancellationToken ct) =>
        AllocationSuggestions.Warnings(officerId, await TiesAsync(state, on, ct));

    /// <summary>The first allocation of the period the child is in: from <paramref name="from"/> with no end.</summary>
    public Task<AllocationOutcome> AllocateAsync(int childKey, int officerId, DateOnly from, string stamp, bool warningsAccepted, CancellationToken ct) =>
        ChangeAsync(childKey, stamp, warningsAccepted, officerId, from, reason: null, ct);

    /// <summary>Closes the open allocation on <paramref name="effectiveOn"/> and opens the new IRO's with the reason's label.</summary>
    public Task<AllocationOutcome> ReallocateAsync(int childKey, int officerId, DateOnly effectiveOn, string reasonLabel, string stamp, bool warningsAccepted, CancellationToken ct) =>
        ChangeAsync(childKey, stamp, warningsAccepted, officerId, effectiveOn, reasonLabel, ct);

    private async Task<AllocationOutcome> ChangeAsync(int childKey, string stamp, bool warningsAccepted, int officerId, DateOnly from, string? reason, CancellationToken ct)
    {
        var state = await LoadAsync(childKey, ct);
        if (state.Stamp != stamp) return AllocationOutcome.Stale;
        var open = state.Allocations.SingleOrDefault(a => a.To is null);
        if ((reason is null) != (open is null)) return AllocationOutcome.Stale;
        var proposed = reason is null ? [.. state.Spans, new AllocationSpan(officerId, from, null)] : AllocationHistory.Reallocated(state.Spans, officerId, from);
        var problems = await ProblemsAsync(state, proposed, [proposed.Count - 1], ct);
        if (problems.Count > 0) return new AllocationOutcome(false, false, problems, []);
        var warnings = await WarningsAsync(state, officerId, from, ct);
        if (warnings.Count > 0 && !warningsAccepted) return new AllocationOutcome(false, false, [], warnings);

        if (open is not null) open.To = from;
        var allocation = new IroAllocation { ChildId = childKey, ReviewingOfficerId = officerId, From = from, ReasonForChange = reason };
        db.IroAllocations.Add(allocation);
        // An agency's referral is done once the period has an IRO.
        foreach (var referral in await db.AgencyReferrals.Where(r => r.ChildId == childKey && r.ClosedOn == null).ToListAsync(ct))
            referral.ClosedOn = Today;
        try
        {
            await db.SaveChangesAsync(ct);
            // After saving: a mail that cannot be sent is logged by the notifier and never undoes the allocation.
            await notifier.NotifyAsync(allocation.Id, ct);
            return new AllocationOutcome(true, false, [], warnings);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AllocationOutcome.Stale;
        }
    }

    private async Task<IReadOnlyList<AllocationProblem>> ProblemsAsync(ChildAllocations state, IReadOnlyList<AllocationSpan> proposed, IEnumerable<int> checkedSpans, CancellationToken ct)
    {
        var problems = AllocationHistory.Problems(proposed, state.Periods).ToList();
        var checkedList = checkedSpans.ToList();
        var officerIds = checkedList.Select(i => proposed[i].OfficerId).Distinct().ToList();
        var officers = await db.ReviewingOfficers.AsNoTracking().Where(o => officerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.StartDate, o.EndDate), ct);
        var linkedIds = await LinkedChildrenAsync(state.ChildKey, ct);
        var linked = await db.IroAllocations.AsNoTracking().Where(a => linkedIds.Contains(a.ChildId) && officerIds.Contains(a.ReviewingOfficerId))
            .Select(a => new AllocationSpan(a.ReviewingOfficerId, a.From, a.To)).ToListAsync(ct);
        foreach (var i in checkedList)
        {
            var span = proposed[i];
            if (!officers.TryGetValue(span.OfficerId, out var post))
                problems.Add(new(i, "iro", "Select an IRO from the list"));
            else if (!FteHistory.InPostOn(post.StartDate, post.EndDate, span.From))
                problems.Add(new(i, "iro", "The IRO is not in post on the date the allocation starts"));
            if (linked.Any(l => l.OfficerId == span.OfficerId && l.From < (span.To ?? DateOnly.MaxValue) && span.From < (l.To ?? DateOnly.MaxValue)))
                problems.Add(new(i, "iro", "The IRO is the IRO of the child's looked-after parent or child: they must have different IROs"));
        }

        return problems;
    }

    private async Task<ChildTies> TiesAsync(ChildAllocations state, DateOnly on, CancellationToken ct)
    {
        var current = state.Periods.FirstOrDefault(p => !p.IsShortBreakSeries && p.Start <= on && (p.End is null || on < p.End));
        var earlier = state.Spans.Where(s => current is null ? s.From < on : s.From < current.Start).Select(s => s.OfficerId).ToHashSet();
        var siblings = state.SiblingGroup is { Length: > 0 } group
            ? await db.IroAllocations.AsNoTracking().CurrentOn(on).Where(a => a.ChildId != state.ChildKey && a.Child!.SiblingGroup == group)
                .Select(a => a.ReviewingOfficerId).Distinct().ToListAsync(ct)
            : [];
        var linkedIds = await LinkedChildrenAsync(state.ChildKey, ct);
        var linked = await db.IroAllocations.AsNoTracking().CurrentOn(on).Where(a => linkedIds.Contains(a.ChildId))
            .Select(a => a.ReviewingOfficerId).Distinct().ToListAsync(ct);
        return new ChildTies(earlier, siblings.ToHashSet(), linked.ToHashSet());
    }

    private Task<List<int>> LinkedChildrenAsync(int childKey, CancellationToken ct) =>
        db.ParentChildLinks.AsNoTracking().Where(l => l.ParentId == childKey || l.ChildOfParentId == childKey)
            .Select(l => l.ParentId == childKey ? l.ChildOfParentId : l.ParentId).ToListAsync(ct);

    /// <summary>Each IRO's current caseload: children looked after on the date with an allocation to them covering it.</summary>
    private async Task<Dictionary<int, int>> CaseloadsAsync(DateOnly on, CancellationToken ct)
    {
        var lookedAfter = db.Children.LookedAfterOn(on).Select(c => c.Id);
        return await db.IroAllocations.AsNoTracking().CurrentOn(on).Where(a => lookedAfter.Contains(a.ChildId))
            .GroupBy(a => a.ReviewingOfficerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}

/// <summary>A child's periods of care and allocations, as loaded for a change, with the stamp a form carries.</summary>
public sealed record ChildAllocations(int ChildKey, string? SiblingGroup, IReadOnlyList<PeriodOfCare> Periods, IReadOnlyList<IroAllocation> Allocations)
{
    public IReadOnlyList<AllocationSpan> Spans { get; } = [.. Allocations.Select(a => new AllocationSpan(a.ReviewingOfficerId, a.From, a.To))];

    public IroAllocation? Open => Allocations.SingleOrDefault(a => a.To is null);

    /// <summary>Changes whenever any allocation of the child is added, changed or removed.</summary>
    public string Stamp { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';',
        Allocations.OrderBy(a => a.Id).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Id}:{a.Version}"))))))[..32];
}

/// <summary>The result of a change: saved, refused as stale, or the problems (blocks) and warnings to show.</summary>
public sealed record AllocationOutcome(bool Saved, bool IsStale, IReadOnlyList<AllocationProblem> Problems, IReadOnlyList<string> Warnings)
{
    public static AllocationOutcome Stale { get; } = new(false, true, [], []);
}
