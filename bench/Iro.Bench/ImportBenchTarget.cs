using Iro.Ssda903;
using Iro.Web;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Iro.Bench;

/// <summary>
/// A fresh, migrated database for the import benchmark, wired as the app wires it (interceptors included): a SQLite
/// file, or a new PostgreSQL database dropped afterwards. Each import and export runs in its own scope.
/// </summary>
internal sealed class ImportBenchTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<Task<string>> _describe;
    private readonly Func<Task> _cleanUp;

    private ImportBenchTarget(string name, WebApplication app, Func<Task<string>> describe, Func<Task> cleanUp)
    {
        Name = name;
        _app = app;
        _describe = describe;
        _cleanUp = cleanUp;
    }

    public string Name { get; }

    public static Task<ImportBenchTarget> SqliteAsync(string file, bool keep)
    {
        DeleteSqlite(file);
        return CreateAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={file}",
            () => Task.FromResult($"database file {new FileInfo(file).Length / 1048576.0:N0} MiB{(keep ? $", kept at {file}" : "")}"),
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (!keep) DeleteSqlite(file);
                return Task.CompletedTask;
            });
    }

    public static async Task<ImportBenchTarget> PostgresAsync(string admin)
    {
        var name = $"iro_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return await CreateAsync("PostgreSQL", DatabaseProvider.Postgres, connection,
            async () =>
            {
                await using var db = new NpgsqlConnection(connection);
                await db.OpenAsync();
                await using var size = new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database()))", db);
                return $"database size {await size.ExecuteScalarAsync()}";
            },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
    }

    public async Task<ImportOutcome> ImportAsync(Ssda903ReadResult read, IProgress<ImportProgress> progress)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Ssda903Importer>().ImportAsync(
            read, "benchmark", new ImportUser("bench", "bench"), acceptWarnings: true, progress, CancellationToken.None);
    }

    public async Task<(Ssda903Return Return, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Files)> ExportAsync(CollectionYear year, string directory)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Ssda903Exporter>().WriteAsync(year, directory, CancellationToken.None);
    }

    public Task<string> Describe() => _describe();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _cleanUp();
    }

    private static async Task<ImportBenchTarget> CreateAsync(
        string name, DatabaseProvider provider, string connection, Func<Task<string>> describe, Func<Task> cleanUp)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Iro"] = connection,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var target = new ImportBenchTarget(name, IroWebApp.CreateBuilder([], settings).Build(), describe, cleanUp);
        try
        {
            await using var scope = target._app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IroDbContext>().Database.MigrateAsync();
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static void DeleteSqlite(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(file + suffix)) File.Delete(file + suffix);
        }
    }
}
