using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Oversight;
using Iro.Web.Features.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Home;

/// <summary>The home page. Every count is computed by the query of the page it links to.</summary>
public sealed class IndexModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public HeadlineQuery.Headlines Headlines { get; private set; } = null!;
    public CurrentUser CurrentUser { get; private set; } = null!;

    /// <summary>Next reviews by status for the user's caseload (or the service); null for aggregate-only roles.</summary>
    public IReadOnlyDictionary<DueListStatus, int>? DueCounts { get; private set; }

    /// <summary>Postponements and cancellations waiting for approval; only for managers, who decide them.</summary>
    public int? PendingApprovals { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentUser = await currentUser.GetAsync(ct);
        var today = clock.ServiceToday();
        var user = CurrentUser;
        (Headlines, DueCounts, PendingApprovals) = await results.GetAsync(db, "home", user, "", today, services => ComputeAsync(services, user, today), ct);
    }

    private sealed record View(HeadlineQuery.Headlines Headlines, IReadOnlyDictionary<DueListStatus, int>? DueCounts, int? PendingApprovals);

    private static async Task<View> ComputeAsync(IServiceProvider services, CurrentUser user, DateOnly today)
    {
        var none = CancellationToken.None;
        var headlines = await services.GetRequiredService<HeadlineQuery>().RunAsync(user, today, none);
        var dueCounts = user.Scope != ChildScope.None ? await services.GetRequiredService<ReviewsDueQuery>().CountsAsync(user, today, none) : null;
        int? pending = user.Can(Permissions.ApproveChanges) ? (await services.GetRequiredService<OversightQuery>().PendingAsync(user, today, none)).Count : null;
        return new View(headlines, dueCounts, pending);
    }
}
