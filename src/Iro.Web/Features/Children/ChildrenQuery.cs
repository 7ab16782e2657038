using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

/// <summary>The children list: search, filters and paging, always within the user's scope.</summary>
public sealed class ChildrenQuery(IroDbContext db)
{
    /// <param name="IncludePast">
    /// Also children no longer looked after and, for IROs and agencies, children no longer allocated to them.
    /// Without it the list is the user's current caseload, the same children the home page and IRO pages count.
    /// </param>
    public sealed record Filter(string? Search, int? IroId, string? AgeBand, LegalStatus? LegalStatus, bool IncludePast, int Page);

    public sealed record Row(
        string LocalId, string? FirstName, string? LastName, DateOnly DateOfBirth, LegalStatus? LegalStatus,
        PlacementType? Placement, string? IroName, DateOnly? LatestEpisodeStart)
    {
        public string DisplayName => Child.DisplayNameOf(LocalId, FirstName, LastName);
    }

    public async Task<Paged<Row>> RunAsync(CurrentUser user, Filter filter, DateOnly today, CancellationToken ct)
    {
        var children = filter.IncludePast
            ? db.Children.AsNoTracking().VisibleTo(user)
            : db.Children.AsNoTracking().CurrentCaseloadOf(user, today);

        foreach (var term in (filter.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = term.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower().Contains to SQL on both providers; the overload with StringComparison is not translatable.
            children = children.Where(c => c.LocalId == term
                || (c.FirstName != null && c.FirstName.ToLower().Contains(lower))
                || (c.LastName != null && c.LastName.ToLower().Contains(lower)));
#pragma warning restore CA1862
        }

        if (filter.IroId is { } iroId)
            children = children.Where(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficerId == iroId));

        var band = AgeBands.All.FirstOrDefault(b => b.Key == filter.AgeBand);
        if (band.Key is not null)
        {
            var (earliest, latest) = AgeBands.BirthRange(band.From, band.To, today);
            children = children.Where(c => c.DateOfBirth >= earliest && c.DateOfBirth <= latest);
        }

        if (filter.LegalStatus is { } status)
            children = children.Where(Predicate.Any<Child, CareEpisode>(
                c => c.Episodes, CareRules.EpisodeOpenOn(today).And(e => e.LegalStatus == status)));

        return await children
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.LocalId)
            .Select(c => new Row(
                c.LocalId, c.FirstName, c.LastName, c.DateOfBirth,
                c.Episodes.OrderByDescending(e => e.Start).Select(e => (LegalStatus?)e.LegalStatus).FirstOrDefault(),
                c.Episodes.OrderByDescending(e => e.Start).Select(e => (PlacementType?)e.Placement).FirstOrDefault(),
                c.IroAllocations.OrderByDescending(a => a.From).Select(a => a.ReviewingOfficer!.Name).FirstOrDefault(),
                c.Episodes.OrderByDescending(e => e.Start).Select(e => (DateOnly?)e.Start).FirstOrDefault()))
            .PageOfAsync(filter.Page, ct);
    }
}
