using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Iro.Web.Tests.Operations;

/// <summary>
/// Row count and a SHA-256 of every table of the model (and the migrations history), reading every column of every
/// row in primary-key order. A table that is missing makes the read fail; a row that differs changes its hash.
/// </summary>
public static class TableChecksums
{
    public sealed record Table(string Name, long Rows, string Hash);

    public static async Task<IReadOnlyList<Table>> OfAsync(TestDatabase database)
    {
        await using var db = Context(database);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var tables = new List<Table>();
        foreach (var (name, columns, keys) in ModelTables(db.Model))
        {
            tables.Add(await HashAsync(connection, name, columns, keys));
        }

        tables.Add(await HashAsync(connection, "__EFMigrationsHistory", ["MigrationId", "ProductVersion"], ["MigrationId"]));
        return tables;
    }

    public static IroDbContext Context(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteIroDbContext(new DbContextOptionsBuilder<SqliteIroDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PostgresIroDbContext(new DbContextOptionsBuilder<PostgresIroDbContext>().UseNpgsql(database.ConnectionString).Options);

    private static IEnumerable<(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Keys)> ModelTables(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null)
            .GroupBy(e => e.GetTableName()!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var table = StoreObjectIdentifier.Table(g.Key, g.First().GetSchema());
                var columns = g.SelectMany(e => e.GetProperties()).Select(p => p.GetColumnName(table)).OfType<string>()
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                var keys = g.First().FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(table)!).ToList();
                return (g.Key, (IReadOnlyList<string>)columns, (IReadOnlyList<string>)keys);
            });

    private static async Task<Table> HashAsync(DbConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<string> keys)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table)} ORDER BY {string.Join(", ", keys.Select(Quote))}";
        await using var reader = await command.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Text(reader.GetValue(i)) + "\u001f"));
            }

            hash.AppendData("\u001e"u8);
        }

        return new Table(table, rows, Convert.ToHexString(hash.GetHashAndReset()));
    }

    private static string Text(object value) => value switch
    {
        DBNull => "\0null",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
