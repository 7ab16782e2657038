using Iro.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Account;

/// <summary>
/// Starts organisation sign-in (GET, from the sign-in page's link) and finishes it (the "complete" handler, where
/// the provider's answer is matched to an account). A refusal is a GOV.UK page saying why.
/// </summary>
[AllowAnonymous]
public sealed class OrganisationSignInModel(
    IAuthenticationSchemeProvider schemes, SignInManager<ApplicationUser> signIn, OrganisationAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Refusal { get; private set; }

    /// <summary>Set once signed in: where the page sends the browser on.</summary>
    public string? Continue { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OrganisationSignIn.IsEnabledAsync(schemes)) return NotFound();
        var complete = Url.Page("/Account/OrganisationSignIn", "Complete", new { returnUrl = SafeReturnUrl() });
        return Challenge(new AuthenticationProperties { RedirectUri = complete }, OrganisationSignIn.Scheme);
    }

    public async Task<IActionResult> OnGetCompleteAsync(CancellationToken ct)
    {
        if (!await OrganisationSignIn.IsEnabledAsync(schemes)) return NotFound();
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded) return Refused("Signing in with your organisation account did not finish. Try again.");

        var decision = await accounts.DecideAsync(external.Principal, ct);
        if (decision.User is null) return Refused(decision.Refusal!);

        await signIn.SignInAsync(decision.User, isPersistent: false, authenticationMethod: OrganisationSignIn.Scheme);
        // A page that moves on by itself rather than a redirect: this request came through a redirect chain from
        // the provider's site, so a browser would not send the SameSite=Strict session cookie on a redirect from
        // here; a navigation started by this page is same-site, so it does.
        Continue = SafeReturnUrl();
        return Page();
    }

    /// <summary>Where the provider sends people back after refusing them (or on a broken answer).</summary>
    public IActionResult OnGetRefused() => Refused("Signing in with your organisation account did not work. Try again, or ask your IRO service's administrator.");

    private PageResult Refused(string reason)
    {
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
