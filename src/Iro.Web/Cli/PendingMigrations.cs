using System.Data.Common;
using System.Reflection;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Iro.Web.Cli;

/// <summary>
/// The migrations of the configured provider that the database has not applied, found without EF Core's context: the
/// migration ids come from the assembly's <see cref="MigrationAttribute"/>s (as EF Core's migrations assembly finds
/// them) and the applied ones from the history table over a plain connection. Any use of the context, even
/// <c>Database.GetPendingMigrationsAsync</c>, builds the whole model first, which is most of a database verb's
/// start-up when nothing is pending.
/// </summary>
internal static class PendingMigrations
{
    public static async Task<IReadOnlyList<string>> ListAsync(IConfiguration configuration, CancellationToken ct)
    {
        var provider = DatabaseSetup.ProviderFrom(configuration);
        await using var connection = DatabaseSetup.CreateConnection(configuration);
        await connection.OpenAsync(ct);
        var applied = await AppliedAsync(connection, provider, ct);
        var context = provider == DatabaseProvider.Postgres ? typeof(PostgresIroDbContext) : typeof(SqliteIroDbContext);
        return [.. InAssembly(context).Where(id => !applied.Contains(id))];
    }

    /// <summary>The ids of the migrations written for this context type, in the order they apply.</summary>
    private static IEnumerable<string> InAssembly(Type contextType) =>
        contextType.Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var exists = connection.CreateCommand())
        {
            // The history table has no schema of its own: on PostgreSQL it is in the first schema of the search path.
            exists.CommandText = provider == DatabaseProvider.Postgres
                ? $"SELECT to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NOT NULL"
                : $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{HistoryRepository.DefaultTableName}')";
            if (!Convert.ToBoolean(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)) return applied;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return applied;
    }
}
