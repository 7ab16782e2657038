using Iro.Web.Access;
using Iro.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.AccountAdministration;

/// <summary>
/// Creates a staff account. With local passwords on, the account gets a generated password, shown once to the
/// administrator to pass on; with them off, the person signs in with their organisation account.
/// </summary>
[Authorize(Policy = Permissions.AdministerAccounts)]
public sealed class CreateModel(AccountAdministrationService accounts, CurrentUserAccessor currentUser, IOptions<AuthenticationSettings> settings) : PageModel
{
    public const int EmailMaxLength = 256;
    public const int NameMaxLength = 100;

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Agency { get; set; }

    /// <summary>Set once the account is created: the password to pass on, when local passwords are on.</summary>
    public string? CreatedPassword { get; private set; }

    public bool Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim() ?? "";
        var name = DisplayName?.Trim() ?? "";
        if (email.Length == 0) ModelState.AddModelError(nameof(Email), "Enter an email address");
        else if (email.Length > EmailMaxLength) ModelState.AddModelError(nameof(Email), $"Email address must be {EmailMaxLength} characters or fewer");
        else if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.gov.uk");
        if (name.Length == 0) ModelState.AddModelError(nameof(DisplayName), "Enter the person's name");
        else if (name.Length > NameMaxLength) ModelState.AddModelError(nameof(DisplayName), $"Name must be {NameMaxLength} characters or fewer");
        if (Roles.Normalise(Role ?? "") is null) ModelState.AddModelError(nameof(Role), "Select a role");
        if (Agency is { Length: > NameMaxLength }) ModelState.AddModelError(nameof(Agency), $"Agency must be {NameMaxLength} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var password = settings.Value.LocalPasswords.Enabled ? UserProvisioning.GeneratePassword() : null;
        var actor = await currentUser.GetAsync(ct);
        var result = await accounts.CreateAsync(actor.UserId, email, name, Role!, Agency, password, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(ErrorField(error), error);
            return Page();
        }

        Created = true;
        CreatedPassword = password;
        return Page();
    }

    /// <summary>Which field a provisioning error is about, so the error summary links to it.</summary>
    private static string ErrorField(string error) =>
        error.Contains("agency", StringComparison.OrdinalIgnoreCase) ? nameof(Agency)
        : error.Contains("role", StringComparison.OrdinalIgnoreCase) ? nameof(Role)
        : nameof(Email);
}
