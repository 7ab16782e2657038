using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Iro.Web.Tests.Cli;

/// <summary>
/// <c>iro db migrate</c> creates a new database, and on an up-to-date one (which it leaves alone without running
/// EF Core's migrator) succeeds and keeps every record.
/// </summary>
public abstract class MigrateUpToDateTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_succeeds_and_keeps_its_records()
    {
        Assert.Equal("Database is up to date.", await MigrateAsync());
        await CommandHost.RunAsync(_database.Settings, async (services, ct) =>
        {
            var db = services.GetRequiredService<IroDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            db.AddedBankHolidays.Add(new Domain.Calendar.AddedBankHoliday { Date = new DateOnly(2031, 6, 2), Name = "Extra holiday" });
            await db.SaveChangesAsync(ct);
            return 0;
        }, CancellationToken.None);

        Assert.Equal("Database is up to date.", await MigrateAsync());

        await CommandHost.RunAsync(_database.Settings, async (services, ct) =>
        {
            var db = services.GetRequiredService<IroDbContext>();
            Assert.Equal(["Extra holiday"], await db.AddedBankHolidays.Select(h => h.Name).ToListAsync(ct));
            return 0;
        }, CancellationToken.None);
    }

    [Fact]
    public async Task Pending_migrations_are_listed_without_the_model_as_EF_Core_lists_them()
    {
        await CommandHost.RunAsync(_database.Settings, async (services, ct) =>
        {
            var db = services.GetRequiredService<IroDbContext>();
            var configuration = services.GetRequiredService<IConfiguration>();
            var all = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            Assert.NotEmpty(all);
            Assert.Equal(all, await PendingMigrations.ListAsync(configuration, ct));

            await db.Database.MigrateAsync(ct);
            Assert.Empty(await PendingMigrations.ListAsync(configuration, ct));

            // A database one migration behind: only the last is pending.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {0}""", [all[^1]], ct);
            Assert.Equal([all[^1]], await PendingMigrations.ListAsync(configuration, ct));
            Assert.Equal(await db.Database.GetPendingMigrationsAsync(ct), await PendingMigrations.ListAsync(configuration, ct));
            return 0;
        }, CancellationToken.None);
    }

    private async Task<string> MigrateAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(["db", "migrate"], output, error, _database.Settings);
        Assert.True(exit == 0, error.ToString());
        return output.ToString().Trim();
    }
}

public sealed class MigrateUpToDateSqliteTests() : MigrateUpToDateTests(DatabaseProvider.Sqlite);

public sealed class MigrateUpToDatePostgresTests() : MigrateUpToDateTests(DatabaseProvider.Postgres);
