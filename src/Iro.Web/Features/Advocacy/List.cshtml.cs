using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Iro.Web.Data;

namespace Iro.Web.Features.Advocacy;

/// <summary>
/// Open advocacy referrals across the user's scope (an IRO's own children, or the whole service for managers and
/// business support), with the children in secure accommodation who have none open.
/// </summary>
[Authorize(Policy = Permissions.ViewOversight)]
public sealed class ListModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock, IOptions<VoiceOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "source")] public string? Source { get; set; }
    [BindProperty(SupportsGet = true, Name = "reason")] public string? Reason { get; set; }
    // Not "page": Razor Pages reserves that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public VoiceOptions Options => options.Value;
    public IReadOnlyList<OpenReferralsQuery.Row> Rows { get; private set; } = [];
    public Paged<OpenReferralsQuery.Row> Shown => Rows.PageOf(PageNumber);
    public IReadOnlyList<OpenReferralsQuery.SecureChild> SecureWithoutAdvocacy { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var today = clock.ServiceToday();
        var (filters, voice) = (new OpenReferralsQuery.Filters(Source, Reason), Options);
        (Rows, SecureWithoutAdvocacy) = await results.GetAsync(db, "advocacy", user, filters, today, async services =>
        {
            var query = services.GetRequiredService<OpenReferralsQuery>();
            return new View(await query.RunAsync(user, today, filters, voice, CancellationToken.None), await query.SecureWithoutAdvocacyAsync(user, today, CancellationToken.None));
        }, ct);
    }

    private sealed record View(IReadOnlyList<OpenReferralsQuery.Row> Rows, IReadOnlyList<OpenReferralsQuery.SecureChild> Secure);

    public string PageLink(int page) => Paging.Link(AdvocacyLinks.ServiceList, new Dictionary<string, string?> { ["source"] = Source, ["reason"] = Reason }, "p", page);
}
