using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Operations.Backups;

/// <summary>Backs up and restores the configured database, whichever provider it is.</summary>
public sealed class DatabaseBackup(IroDbContext db, IConfiguration configuration)
{
    private DatabaseProvider Provider => DatabaseSetup.ProviderFrom(configuration);
    private string ConnectionString => db.Database.GetConnectionString()!;
    private string? ToolsDirectory => configuration["Database:ClientToolsPath"];

    public string Describe() => Provider == DatabaseProvider.Postgres ? "PostgreSQL (pg_dump custom format)" : "SQLite (online backup)";

    public Task BackupAsync(string file, CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Postgres) return PostgresBackup.BackupAsync(ConnectionString, ToolsDirectory, file, ct);
        SqliteBackup.Backup(ConnectionString, file);
        return Task.CompletedTask;
    }

    public Task RestoreAsync(string file, CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Postgres) return PostgresBackup.RestoreAsync(ConnectionString, ToolsDirectory, file, ct);
        SqliteBackup.Restore(ConnectionString, file);
        return Task.CompletedTask;
    }
}
