using System.Net;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iro.Web.Tests.Security;

/// <summary>
/// The app as deployed, for the transport and sign-in tests: the default sign-in limits, each request's client
/// address taken from a test header (a test server has no connection to read it from), and a password hasher
/// that counts its verifications.
/// </summary>
public sealed class ProductionLikeApp() : IroAppFactory(DatabaseProvider.Sqlite)
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var defaults = new AuthenticationSettings();
        builder.UseSetting("Authentication:SignInAttemptsPerClientPerMinute", defaults.SignInAttemptsPerClientPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Authentication:SignInAttemptsPerAccountPerMinute", defaults.SignInAttemptsPerAccountPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.RemoveAll<IPasswordHasher<ApplicationUser>>();
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
        });
    }

    /// <summary>A client whose requests come from <paramref name="address"/>, over <paramref name="baseAddress"/>.</summary>
    public HttpClient ClientFrom(string address, string baseAddress = "https://localhost", bool handleCookies = true)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = handleCookies,
            BaseAddress = new Uri(baseAddress),
        });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>Sets the connection's remote address before anything else runs, as Kestrel does from the socket.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The real password hasher, counting how often a password is verified.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _hasher = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(ApplicationUser user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
