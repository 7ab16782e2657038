using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Account;

[EnableRateLimiting(AccountSecurity.SignInPolicy)]
public sealed class SignInModel(PasswordSignIn signIn, IOptions<AuthenticationSettings> settings, IAuthenticationSchemeProvider schemes) : PageModel
{
    public const string LocalPasswordsOffMessage = "Sign in with your organisation account";

    /// <summary>
    /// The one message for an unknown account, a wrong password and a locked account, so none can be told apart.
    /// </summary>
    public const string RefusedMessage = "Enter a correct email address and password";

    public const string TooManyAttemptsMessage = "There have been too many attempts to sign in to this account. Wait a minute, then try again";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool LocalPasswords => settings.Value.LocalPasswords.Enabled;

    public bool OrganisationSignInEnabled { get; private set; }

    public async Task OnGetAsync() => OrganisationSignInEnabled = await OrganisationSignIn.IsEnabledAsync(schemes);

    public async Task<IActionResult> OnPostAsync()
    {
        OrganisationSignInEnabled = await OrganisationSignIn.IsEnabledAsync(schemes);
        if (!LocalPasswords)
        {
            // Switched off: no password is checked at all, whatever is posted.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            ModelState.AddModelError("", LocalPasswordsOffMessage);
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        switch (await signIn.SignInAsync(Email!.Trim(), Password!))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.TooManyAttempts:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(nameof(Email), TooManyAttemptsMessage);
                return Page();
            default:
                ModelState.AddModelError(nameof(Email), RefusedMessage);
                return Page();
        }
    }
}
