using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Iro.Web.Features.Account;

/// <summary>
/// Sign-in with the organisation's OpenID Connect provider (authorization code flow with PKCE). The provider's
/// answer lands in Identity's short-lived external cookie; <see cref="OrganisationAccounts"/> then decides which
/// account it is, and the account signs in like a password user: the same server-side session, idle timeout
/// and security stamp. See docs/security.md, "Organisation sign-in".
/// </summary>
public static class OrganisationSignIn
{
    public const string Scheme = "Organisation";
    public const string CallbackPath = "/signin-oidc";
    public const string RefusedPath = "/sign-in/organisation/refused";

    private static readonly string[] Scopes = ["openid", "profile", "email"];

    public static IServiceCollection AddOrganisationSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OrganisationAccounts>();
        var settings = configuration.GetSection(AuthenticationSettings.Section).Get<AuthenticationSettings>()?.Oidc ?? new();
        // The handler exists only when configured: it inspects every request for its callback path.
        if (!settings.Configured) return services;

        services.AddAuthentication().AddOpenIdConnect(Scheme, "Organisation account", options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.ResponseMode = "query";
            options.CallbackPath = CallbackPath;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Scope.Clear();
            foreach (var scope in Scopes) options.Scope.Add(scope);
            // Claims keep the provider's names (oid, email, groups) rather than being renamed to WS-* URIs.
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Events.OnRemoteFailure = context =>
            {
                // A refused or broken answer from the provider: the GOV.UK refusal page rather than an exception.
                context.Response.Redirect(RefusedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Whether organisation sign-in is on (the handler is registered).</summary>
    public static async Task<bool> IsEnabledAsync(IAuthenticationSchemeProvider schemes) => await schemes.GetSchemeAsync(Scheme) is not null;
}
