using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Iro.Web.Tests.Security.OrganisationSignIn;

/// <summary>One person the test provider can sign in as: what their id token says about them.</summary>
public sealed record OrganisationPerson(string ObjectId, string Email, string Name, params string[] Groups);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on Kestrel on a loopback port: authorization code flow with PKCE,
/// one confidential client, id tokens with <c>email</c>, <c>oid</c> and <c>groups</c>. Who is "signed in" at
/// the provider is the person named by its login page (<c>/login?as=oid</c>), held in the provider's own cookie,
/// as a real provider's session would be. There are no stores: the degraded mode with the client checked here.
/// </summary>
public sealed class TestOpenIdServer : IAsyncDisposable
{
    public const string ClientId = "iro-service";
    public const string ClientSecret = "test-client-secret-0123456789";
    public const string RedirectUri = "https://localhost/signin-oidc";
    private const string PersonCookie = "provider-session";

    private readonly WebApplication _app;

    private TestOpenIdServer(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer, as configured in the app's <c>Authentication:Oidc:Authority</c>.</summary>
    public Uri Authority { get; }

    public static async Task<TestOpenIdServer> StartAsync(IEnumerable<OrganisationPerson> people)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.RegisterScopes(Scopes.Email, Scopes.Profile);
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri != RedirectUri) context.Reject(Errors.InvalidRequest, "Unregistered redirect_uri.");
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                return default;
            }));
        });

        var known = people.ToDictionary(p => p.ObjectId, StringComparer.Ordinal);
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", (string @as, HttpContext http) =>
        {
            http.Response.Cookies.Append(PersonCookie, @as);
            return Results.Ok();
        });
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
        {
            if (http.Request.Cookies[PersonCookie] is not { } id || !known.TryGetValue(id, out var person))
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            return Results.SignIn(Principal(person), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestOpenIdServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static ClaimsPrincipal Principal(OrganisationPerson person)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, person.ObjectId));
        identity.AddClaim(new Claim("oid", person.ObjectId));
        identity.AddClaim(new Claim(Claims.Email, person.Email));
        identity.AddClaim(new Claim(Claims.Name, person.Name));
        foreach (var group in person.Groups) identity.AddClaim(new Claim("groups", group));
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
        return principal;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
