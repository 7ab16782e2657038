using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Iro.Web.Tests.Features.Scheduling;

/// <summary>
/// The app over an empty, migrated database with no background work of its own (no import runner, no scheduled
/// clean-up), so a test can play several instances against the database without a third one joining in.
/// </summary>
public abstract class BackgroundFreeApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    public string Staging { get; } = Directory.CreateTempSubdirectory("iro-staging-").FullName;

    protected override Task SeedAsync(IServiceProvider services) => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:StagingPath", Staging);
        builder.ConfigureServices(services => services.RemoveAll<IHostedService>());
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}

public sealed class BackgroundFreeSqliteApp() : BackgroundFreeApp(DatabaseProvider.Sqlite);

public sealed class BackgroundFreePostgresApp() : BackgroundFreeApp(DatabaseProvider.Postgres);
