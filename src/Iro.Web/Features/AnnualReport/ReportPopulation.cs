using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The children the looked-after and allocation figures count: those looked after at any time from
/// <c>from</c> to <c>to</c>, each with every episode (a period of care may have started long before) and every IRO
/// allocation. Projected into detached entities holding only the fields the figures read. The tables are read whole,
/// in three plain scans, and the children outside the dates left out here: a filter in the database costs a
/// look-up of every child's episodes, more than reading them all (most of a service's history is in its last years).
/// No child outside the dates can change a figure: every figure counts children looked after on a date in the years
/// or with a period starting or ending in them.
/// </summary>
public static class ReportPopulation
{
    public static async Task<IReadOnlyList<Child>> LoadAsync(IroDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Each row goes straight into its child's list: a national history is about a million objects, and every
        // intermediate grouping of them is garbage the collector must walk past the ones kept.
        var everyone = await db.Children.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new Child
            {
                Id = c.Id, LocalId = c.LocalId, DateOfBirth = c.DateOfBirth, Sex = c.Sex, Ethnicity = c.Ethnicity,
                IsUnaccompaniedAsylumSeeker = c.IsUnaccompaniedAsylumSeeker, UascCeased = c.UascCeased,
            })
            .ToListAsync(ct);
        var children = everyone.ToDictionary(c => c.Id);
        await foreach (var episode in db.CareEpisodes.AsNoTracking()
                           .OrderBy(e => e.Id)
                           .Select(e => new CareEpisode
                           {
                               Id = e.Id, ChildId = e.ChildId, Start = e.Start, End = e.End, ReasonForNewEpisode = e.ReasonForNewEpisode,
                               ReasonCeased = e.ReasonCeased, LegalStatus = e.LegalStatus, Placement = e.Placement,
                           })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (children.TryGetValue(episode.ChildId, out var child)) child.Episodes.Add(episode);
        }

        await foreach (var allocation in db.IroAllocations.AsNoTracking()
                           .OrderBy(a => a.Id)
                           .Select(a => new IroAllocation { Id = a.Id, ChildId = a.ChildId, ReviewingOfficerId = a.ReviewingOfficerId, From = a.From, To = a.To })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (children.TryGetValue(allocation.ChildId, out var child)) child.IroAllocations.Add(allocation);
        }

        return [.. everyone.Where(c => c.Episodes.Any(e => e.Overlaps(from, to)))];
    }

    /// <summary>
    /// Caseloads on dates within the population's years, counted as <c>iro caseloads</c> counts them
    /// (<see cref="CaseloadCalculator"/>) from the episodes and allocations already loaded: a child counts on a date
    /// only when looked after that day, so every child who counts is in the population.
    /// </summary>
    public static IReadOnlyList<CaseloadSnapshot> CaseloadsOn(IReadOnlyList<Child> population, IReadOnlyList<DateOnly> dates, IReadOnlyList<StaffRecord> staff)
    {
        ArgumentNullException.ThrowIfNull(population);
        return CaseloadCalculator.On(
            dates,
            staff,
            population.SelectMany(c => c.Episodes.Select(e => new CareSpan(c.Id, e.Start, e.End))),
            population.SelectMany(c => c.IroAllocations.Select(a => new AllocatedSpan(c.Id, a.ReviewingOfficerId, a.From, a.To))));
    }
}
