using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Iro.Web.Tests.Security.OrganisationSignIn;

/// <summary>
/// The app configured against a <see cref="TestOpenIdServer"/> started for the fixture, with one group mapped to
/// the manager role and local passwords switched off.
/// </summary>
public abstract class OrganisationSignInApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    public const string ManagersGroup = "7f1c0e2a-managers";

    /// <summary>Mapped to a role, no account yet: gets one.</summary>
    public static readonly OrganisationPerson NewManager = new("oid-mia", "mia@test.example", "Mia Chen", ManagersGroup);

    /// <summary>Has an account (business support), in no mapped group: keeps the account's role.</summary>
    public static readonly OrganisationPerson ExistingSupport = new("oid-support", AccessScenario.Support, "Sam Support", "unmapped-group");

    /// <summary>No account and no mapped group.</summary>
    public static readonly OrganisationPerson Stranger = new("oid-stranger", "stranger@test.example", "Stella Stranger", "unmapped-group");

    /// <summary>In the managers' group, but their account is disabled.</summary>
    public static readonly OrganisationPerson Disabled = new("oid-gone", "gone@test.example", "Gus Gone", ManagersGroup);

    public TestOpenIdServer Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestOpenIdServer.StartAsync([NewManager, ExistingSupport, Stranger, Disabled]);
        // The provider's tokens and the app's correlation cookies are timed by the real clock, so the app's clock
        // must not be days behind it.
        if (DateTimeOffset.UtcNow > Clock.GetUtcNow()) Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:Oidc:Authority", Provider.Authority.ToString());
        builder.UseSetting("Authentication:Oidc:ClientId", TestOpenIdServer.ClientId);
        builder.UseSetting("Authentication:Oidc:ClientSecret", TestOpenIdServer.ClientSecret);
        builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting($"Authentication:Oidc:GroupRoles:{ManagersGroup}", "Manager");
        builder.UseSetting("Authentication:LocalPasswords:Enabled", "false");
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class SqliteOrganisationSignInApp() : OrganisationSignInApp(DatabaseProvider.Sqlite);

public sealed class PostgresOrganisationSignInApp() : OrganisationSignInApp(DatabaseProvider.Postgres);
