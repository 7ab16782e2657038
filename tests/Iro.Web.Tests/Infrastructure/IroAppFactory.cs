using Iro.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Iro.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database (SQLite file or PostgreSQL), with a fixed clock so dates in
/// assertions are stable. Seeds the access scenario once per fixture, or copies it from a template seeded once
/// per test run (<see cref="StartsFromSeededTemplate"/>).
/// </summary>
public abstract class IroAppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>"Today" for every test: Friday 27 November 2026, midday UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>A signed-in client per user, shared by the fixture's tests (sign-in hashing is deliberately slow).</summary>
    public Task<HttpClient> ClientForAsync(string email) => _clients.GetOrAdd(email, e => SignIn.AsAsync(this, e));
    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>
    /// True when the fixture's database is exactly the migrated access scenario, so it can be a copy of one
    /// seeded once per test run: migrating and seeding (with its deliberately slow password hashing) is most of
    /// a fixture's start-up. Only for fixtures that neither seed more nor configure the app differently.
    /// </summary>
    protected virtual bool StartsFromSeededTemplate => false;

    public virtual async Task InitializeAsync()
    {
        if (StartsFromSeededTemplate)
        {
            Database = await SeededTemplate.CopyAsync(provider);
            // Started here, as when it seeds, so a fixture's app is running before its first test.
            _ = Services;
            return;
        }

        Database = await TestDatabase.CreateAsync(provider);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IroDbContext>().Database.MigrateAsync();
        await SeedAsync(scope.ServiceProvider);
    }

    protected virtual Task SeedAsync(IServiceProvider services) => AccessScenario.SeedAsync(services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        // Fixtures sign many users in within a minute from one test client; the sign-in rate-limit tests set their own limits.
        builder.UseSetting("Authentication:SignInAttemptsPerClientPerMinute", "100000");
        builder.UseSetting("Authentication:SignInAttemptsPerAccountPerMinute", "100000");
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeFixtureAsync();

    protected virtual async Task DisposeFixtureAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteApp() : IroAppFactory(DatabaseProvider.Sqlite)
{
    protected override bool StartsFromSeededTemplate => true;
}

public sealed class PostgresApp() : IroAppFactory(DatabaseProvider.Postgres)
{
    protected override bool StartsFromSeededTemplate => true;
}
