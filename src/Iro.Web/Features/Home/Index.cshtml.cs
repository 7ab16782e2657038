using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Features.Oversight;
using Iro.Web.Features.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Home;

/// <summary>The home page. Every count is computed by the query of the page it links to.</summary>
public sealed class IndexModel(HeadlineQuery query, ReviewsDueQuery reviewsDue, OversightQuery oversight, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
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
        Headlines = await query.RunAsync(CurrentUser, today, ct);
        if (CurrentUser.Scope != ChildScope.None)
        {
            DueCounts = await reviewsDue.CountsAsync(CurrentUser, today, ct);
        }

        if (CurrentUser.Can(Permissions.ApproveChanges)) PendingApprovals = (await oversight.PendingAsync(CurrentUser, today, ct)).Count;
    }
}
