using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Cli;

/// <summary>
/// Builds the same service container as the web app (same configuration sources) for a command-line verb,
/// so a verb talks to exactly the database the app would use.
/// </summary>
public static class CommandHost
{
    public static async Task<int> RunAsync(
        IDictionary<string, string?>? configOverrides,
        Func<IServiceProvider, CancellationToken, Task<int>> verb,
        CancellationToken ct)
    {
        StartupTrace.Mark("command line parsed");
        var builder = IroWebApp.CreateCommandLineBuilder(configOverrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        StartupTrace.Mark("services registered");
        await using var app = builder.Build();
        StartupTrace.Mark("container built");
        await using var scope = app.Services.CreateAsyncScope();
        var result = await verb(scope.ServiceProvider, ct);
        StartupTrace.Mark("verb done");
        return result;
    }

    /// <summary>
    /// Applies the migrations, then makes the audit append-only (<see cref="Audit.AppendOnlyAudit"/>). An up-to-date
    /// database is left alone without running EF Core's migrator, which would also compare the model with the last
    /// migration's snapshot, and without building the model (<see cref="PendingMigrations"/>). (The migrator, and
    /// that comparison, still run whenever a migration is pending, as on every new database.)
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IroDbContext>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var pending = await PendingMigrations.ListAsync(configuration, ct);
        StartupTrace.Mark("migrations listed");
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        StartupTrace.Mark("database up to date");
        // Nothing to apply on SQLite, and asking the context for its provider would build the model.
        if (db is PostgresIroDbContext) await Audit.AppendOnlyAudit.ApplyAsync(db, configuration, ct);
    }
}
