using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.AccountAdministration;

/// <summary>Every staff account: role, status, last sign-in and whether it is locked out.</summary>
[Authorize(Policy = Permissions.AdministerAccounts)]
public sealed class IndexModel(AccountAdministrationService accounts) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public AccountAdministrationService Service => accounts;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(ct);
}
