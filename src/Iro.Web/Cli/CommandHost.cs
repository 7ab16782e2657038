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
        var builder = IroWebApp.CreateBuilder([], configOverrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        return await verb(scope.ServiceProvider, ct);
    }

    /// <summary>Applies the migrations, then makes the audit append-only (<see cref="Audit.AppendOnlyAudit"/>).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IroDbContext>();
        await db.Database.MigrateAsync(ct);
        await Audit.AppendOnlyAudit.ApplyAsync(db, services.GetRequiredService<IConfiguration>(), ct);
    }
}
