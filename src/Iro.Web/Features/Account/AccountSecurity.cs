using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Iro.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Account;

/// <summary>
/// Sessions, transport and sign-in: server-side sessions with idle and absolute limits, Secure cookies, trusted
/// proxies, HSTS, sign-in rate limits and the password deny-list. See docs/security.md, "Sessions and sign-in".
/// </summary>
public static class AccountSecurity
{
    /// <summary>The rate-limiting policy of the sign-in form: attempts per client address.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Call after the Identity cookie is configured: these settings take precedence.</summary>
    public static IServiceCollection AddSessionsAndSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthenticationSettings>(configuration.GetSection(AuthenticationSettings.Section));
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<PlaceholderPasswordHash>();
        services.AddSingleton<AccountAttemptLimiter>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton(sp => PasswordDenyList.Load(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddScoped<IPasswordValidator<ApplicationUser>, DenyListPasswordValidator>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<AuthenticationSettings>, IHostEnvironment>((cookie, store, settings, environment) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = settings.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Cookie.SecurePolicy = SecurePolicy(environment);
            });
        // The antiforgery cookie is no credential, and antiforgery refuses to run over plain HTTP when it must be
        // Secure; so it is Secure whenever the request is HTTPS, which in production is always.
        services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.Configure<ForwardedHeadersOptions>(options => TrustConfiguredProxies(options, configuration.GetSection("ForwardedHeaders")));
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("client " + context.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AuthenticationSettings>>().Value.SignInAttemptsPerClientPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("reading the form"));
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them, then HSTS.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    /// <summary>After routing, so the sign-in page's policy is known.</summary>
    public static WebApplication UseSignInRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Secure whenever the request is HTTPS, and always outside Development (browsers accept it from http://localhost).</summary>
    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies configured in
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges);
    /// with neither, only from this machine (loopback).
    /// </summary>
    private static void TrustConfiguredProxies(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = Values(section.GetSection("KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        if (proxies.Count == 0 && networks.Count == 0) return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        foreach (var network in networks) options.KnownIPNetworks.Add(network);
    }

    /// <summary>A list setting, as an array (KnownProxies:0, KnownProxies:1) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
