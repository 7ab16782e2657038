using Iro.Web.Data;
using Iro.Web.Demo;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Lists;

/// <summary>The app over the demo borough (about 320 children, twelve IROs), seeded as the README's run command does.</summary>
public abstract class DemoBoroughApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    public const int Seed = 2026;

    public IReadOnlyList<DemoSeeder.DemoAccount> Accounts { get; private set; } = [];

    public DemoSeeder.DemoAccount Account(string role) => Accounts.Single(a => a.Role == role);

    public Task<HttpClient> ClientForRoleAsync(string role) => SignIn.AsAsync(this, Account(role).Email, Account(role).Password);

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(Seed, 320, DateOnly.FromDateTime(Now.Date), false, CancellationToken.None);
        Accounts = result.Accounts;
    }
}

public sealed class DemoBoroughSqliteApp() : DemoBoroughApp(DatabaseProvider.Sqlite);

public sealed class DemoBoroughPostgresApp() : DemoBoroughApp(DatabaseProvider.Postgres);
