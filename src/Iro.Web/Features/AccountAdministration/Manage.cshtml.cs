using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.AccountAdministration;

/// <summary>One account: change its role, disable or enable it, clear a lockout.</summary>
[Authorize(Policy = Permissions.AdministerAccounts)]
public sealed class ManageModel(AccountAdministrationService accounts, CurrentUserAccessor currentUser) : PageModel
{
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Agency { get; set; }

    /// <summary>The account's concurrency stamp when the form was drawn: a change since then is refused.</summary>
    [BindProperty] public string? Version { get; set; }

    /// <summary>For the status form: disable (true) or enable (false).</summary>
    [BindProperty] public bool Disable { get; set; }

    public AccountSummary Account { get; private set; } = null!;

    public bool LockedOut { get; private set; }

    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string accountId, CancellationToken ct)
    {
        if (!await LoadAsync(accountId, ct)) return NotFound();
        Role = Account.Role;
        Agency = Account.Agency;
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string accountId, CancellationToken ct)
    {
        if (Roles.Normalise(Role ?? "") is null) ModelState.AddModelError(nameof(Role), "Select a role");
        if (Agency is { Length: > CreateModel.NameMaxLength }) ModelState.AddModelError(nameof(Agency), $"Agency must be {CreateModel.NameMaxLength} characters or fewer");
        return await ApplyAsync(accountId, nameof(Role), "The role has been changed.",
            actor => accounts.ChangeRoleAsync(actor, accountId, Role!, Agency, Version ?? "", ct), ct);
    }

    public Task<IActionResult> OnPostStatusAsync(string accountId, CancellationToken ct) =>
        ApplyAsync(accountId, nameof(Disable), Disable ? "The account has been disabled." : "The account has been enabled.",
            actor => accounts.SetDisabledAsync(actor, accountId, Disable, Version ?? "", ct), ct);

    public Task<IActionResult> OnPostLockoutAsync(string accountId, CancellationToken ct) =>
        ApplyAsync(accountId, "Lockout", "The lockout has been cleared.",
            actor => accounts.ResetLockoutAsync(actor, accountId, Version ?? "", ct), ct);

    /// <summary>Runs a change when the form is valid; a refusal goes to the error summary and nothing is saved.</summary>
    private async Task<IActionResult> ApplyAsync(
        string accountId, string field, string done, Func<string, Task<AccountAdministrationService.Outcome>> change, CancellationToken ct)
    {
        if (await accounts.FindAsync(accountId, ct) is null) return NotFound();
        if (ModelState.IsValid)
        {
            var actor = await currentUser.GetAsync(ct);
            var outcome = await change(actor.UserId);
            if (outcome.Succeeded)
            {
                Saved = done;
                return RedirectToPage(new { accountId });
            }

            ModelState.AddModelError(field, outcome.Error!);
        }

        await LoadAsync(accountId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string accountId, CancellationToken ct)
    {
        if (await accounts.FindAsync(accountId, ct) is not { } account) return false;
        Account = account;
        LockedOut = accounts.IsLockedOut(account);
        return true;
    }
}
