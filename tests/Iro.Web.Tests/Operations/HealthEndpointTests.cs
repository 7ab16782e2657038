using System.Net;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Iro.Web.Tests.Operations;

/// <summary>
/// /health/live and /health/ready without signing in: ready only when the database answers and every migration
/// is applied, and neither says more than "Healthy" or "Unhealthy".
/// </summary>
public abstract class HealthEndpointTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Both_are_healthy_on_an_up_to_date_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = TableChecksums.Context(database)) await db.Database.MigrateAsync();

        await using var app = new HealthApp(database.Settings);
        await AssertAnswerAsync(app, "/health/live", HttpStatusCode.OK, "Healthy");
        await AssertAnswerAsync(app, "/health/ready", HttpStatusCode.OK, "Healthy");
    }

    [Fact]
    public async Task Ready_is_unavailable_while_a_migration_is_pending()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = TableChecksums.Context(database))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using var app = new HealthApp(database.Settings);
        await AssertAnswerAsync(app, "/health/live", HttpStatusCode.OK, "Healthy");
        await AssertAnswerAsync(app, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
    }

    [Fact]
    public async Task Ready_is_unavailable_when_the_database_cannot_be_reached()
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using var app = await StartWithUnreachableDatabaseAsync(database);
        await AssertAnswerAsync(app, "/health/live", HttpStatusCode.OK, "Healthy");
        await AssertAnswerAsync(app, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
    }

    /// <summary>The app running while its database cannot be reached.</summary>
    protected abstract Task<HealthApp> StartWithUnreachableDatabaseAsync(TestDatabase database);

    protected static async Task AssertAnswerAsync(HealthApp app, string path, HttpStatusCode status, string body)
    {
        var response = await SignIn.NewClient(app).GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The app over a database in a given state, without seeding or migrating it.</summary>
    protected sealed class HealthApp(IDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.UseEnvironment("Testing");
        }
    }
}

public sealed class HealthEndpointSqliteTests() : HealthEndpointTests(DatabaseProvider.Sqlite)
{
    /// <summary>Read-only on a file that does not exist: SQLite cannot open it.</summary>
    protected override Task<HealthApp> StartWithUnreachableDatabaseAsync(TestDatabase database)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"iro-missing-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>(database.Settings) { ["ConnectionStrings:Iro"] = $"Data Source={missing};Mode=ReadOnly;Pooling=False" };
        return Task.FromResult(new HealthApp(settings));
    }
}

public sealed class HealthEndpointPostgresTests() : HealthEndpointTests(DatabaseProvider.Postgres)
{
    /// <summary>The app starts on a healthy database, which then goes away (dropped, its connections ended).</summary>
    protected override async Task<HealthApp> StartWithUnreachableDatabaseAsync(TestDatabase database)
    {
        await using (var db = TableChecksums.Context(database)) await db.Database.MigrateAsync();
        var app = new HealthApp(database.Settings);
        await AssertAnswerAsync(app, "/health/ready", HttpStatusCode.OK, "Healthy");

        var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        return app;
    }
}
