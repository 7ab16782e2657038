using Iro.Domain.Codes;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

/// <summary>The children list: search, filters and paging, always within the user's scope.</summary>
public sealed class ChildrenQuery(IroDbContext db)
{
    public const int PageSize = 25;

    /// <param name="IncludePast">
    /// Also children no longer looked after and, for IROs and agencies, children no longer allocated to them.
    /// Without it the list is the user's current caseload, the same children the home page and IRO pages count.
    /// </param>
    public sealed record Filter(string? Search, int? IroId, string? AgeBand, LegalStatus? LegalStatus, bool IncludePast, int Page);

    public sealed record Row(
        string LocalId, string? FirstName, string? LastName, DateOnly DateOfBirth, LegalStatus? LegalStatus,
        PlacementType? Placement, string? IroName, DateOnly? LatestEpisodeStart)
    {
        public string DisplayName => Iro.Domain.Children.Child.DisplayNameOf(LocalId, FirstName, LastName);
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int Pages);

    public async Task<Result> RunAsync(CurrentUser user, Filter filter, DateOnly today, CancellationToken ct)
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
            children = children.Where(c => c.IroAllocations.Any(a => a.ReviewingOfficerId == iroId && a.To == null));

        var band = AgeBands.All.FirstOrDefault(b => b.Key == filter.AgeBand);
        if (band.Key is not null)
        {
            var (earliest, latest) = AgeBands.BirthRange(band.From, band.To, today);
            children = children.Where(c => c.DateOfBirth >= earliest && c.DateOfBirth <= latest);
        }

        if (filter.LegalStatus is { } status)
            children = children.Where(c => c.Episodes.Where(e => e.Start <= today && (e.End == null || e.End > today)).Any(e => e.LegalStatus == status));

        var total = await children.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await children
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.LocalId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(
                c.LocalId, c.FirstName, c.LastName, c.DateOfBirth,
                c.Episodes.OrderByDescending(e => e.Start).Select(e => (LegalStatus?)e.LegalStatus).FirstOrDefault(),
                c.Episodes.OrderByDescending(e => e.Start).Select(e => (PlacementType?)e.Placement).FirstOrDefault(),
                c.IroAllocations.OrderByDescending(a => a.From).Select(a => a.ReviewingOfficer!.Name).FirstOrDefault(),
                c.Episodes.OrderByDescending(e => e.Start).Select(e => (DateOnly?)e.Start).FirstOrDefault()))
            .ToListAsync(ct);
        return new Result(rows, total, page, pages);
    }
}
