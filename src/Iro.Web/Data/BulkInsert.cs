using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Iro.Web.Operations.Telemetry;
using Npgsql;

namespace Iro.Web.Data;

/// <summary>
/// Inserts many new rows of one entity type on the context's connection and transaction: PostgreSQL through a
/// binary <c>COPY</c>, SQLite through one prepared single-row statement. Tables, columns, store types and value
/// conversions come from the EF model, so it works on both providers; generated keys are not read back (callers
/// that need them query by a natural key afterwards). Used for imports, where SaveChanges' per-entity work
/// dominates at national scale.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// A load at least this large into an empty SQLite table drops the table's indexes first and builds them after:
    /// one sort per index instead of a B-tree insert per row and index.
    /// </summary>
    private const int RebuildIndexesFrom = 20_000;

    public static async Task InsertAsync(IroDbContext db, Type clrType, IReadOnlyList<object> entities, CancellationToken ct)
    {
        if (entities.Count == 0) return;
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        using var activity = IroTelemetry.ActivitySource.StartActivity("bulk insert " + table.Name);
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => new Column(p, table))
            .Where(c => !c.NullInEvery(entities))
            .ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var tableName = Quote(table.Schema) is { } schema ? $"{schema}.{Quote(table.Name)}" : Quote(table.Name)!;

        switch (connection)
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, tableName, columns, entities, ct);
                break;
            case SqliteConnection sqlite:
                await SqliteInsertAsync(sqlite, transaction, table.Name, tableName, columns, entities, ct);
                break;
            default:
                throw new NotSupportedException($"Bulk insert does not support {connection.GetType().Name}.");
        }

        // The rows bypass the change tracker, so the data version moves and their children are queued for a timetable
        // recompute here, in the same transaction.
        if (DataVersion.IsWatched(clrType)) await DataVersion.MoveNowAsync(db, ct);
        if (Features.Timetable.Store.TimetableQueueing.IsWatched(clrType)) await Features.Timetable.Store.TimetableQueueing.EnqueueInsertedAsync(db, clrType, entities, ct);
    }

    /// <summary>
    /// Settings for a large load on the context's open connection, restored when disposed (dispose before the
    /// transaction ends: the connection may close with it). On SQLite a larger page
    /// cache (pages are allocated only as used) keeps the growing tables and index builds in memory instead of
    /// spilling to the file mid-transaction; PostgreSQL needs nothing.
    /// </summary>
    public static async Task<IAsyncDisposable> LargeLoadAsync(IroDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection || connection.State != System.Data.ConnectionState.Open)
            return new Restore(() => Task.CompletedTask);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var read = connection.CreateCommand();
        read.Transaction = (SqliteTransaction?)transaction;
        read.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, transaction, $"PRAGMA cache_size = -{LargeLoadCacheKiB}", ct);
        return new Restore(() => ExecuteAsync(connection, transaction, $"PRAGMA cache_size = {previous}", CancellationToken.None));
    }

    /// <summary>SQLite's page cache during a large load, in KiB.</summary>
    private const int LargeLoadCacheKiB = 128 * 1024;

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }

    /// <summary>One binary COPY: the rows stream to the server without a statement per row or parameter parsing.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<object> entities, CancellationToken ct)
    {
        var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var entity in entities)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Read(entity) is { } value) await importer.WriteAsync(value, column.StoreType, ct);
                else await importer.WriteNullAsync(ct);
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// SQLite runs in-process, so one prepared single-row statement reused is fastest (binding thousands of named
    /// parameters costs more than it saves). A large load into an empty table builds the indexes after the rows.
    /// </summary>
    private static async Task SqliteInsertAsync(
        SqliteConnection connection, DbTransaction? transaction, string tableName, string table, List<Column> columns, IReadOnlyList<object> entities, CancellationToken ct)
    {
        var indexes = entities.Count >= RebuildIndexesFrom && await IsEmptyAsync(connection, transaction, table, ct)
            ? await DropIndexesAsync(connection, transaction, tableName, ct)
            : [];
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = (SqliteTransaction?)transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => Quote(c.Name))).Append(") VALUES (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.CommandText = sql.Append(')').ToString();
            command.Prepare();
            foreach (var entity in entities)
            {
                for (var c = 0; c < columns.Count; c++) command.Parameters[c].Value = columns[c].Read(entity) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        foreach (var create in indexes) await ExecuteAsync(connection, transaction, create, ct);
    }

    private static async Task<bool> IsEmptyAsync(SqliteConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {table})";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>Drops the table's indexes (in the transaction) and returns the statements that create them again, as migrated.</summary>
    private static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, DbTransaction? transaction, string tableName, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = (SqliteTransaction?)transaction;
            // Indexes SQLite makes for constraints have no SQL and cannot be dropped; they stay.
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            command.Parameters.AddWithValue("$table", tableName);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        foreach (var (name, _) in indexes) await ExecuteAsync(connection, transaction, $"DROP INDEX {Quote(name)}", ct);
        return [.. indexes.Select(i => i.Sql)];
    }

    private static async Task ExecuteAsync(SqliteConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? Quote(string? identifier) => identifier is null ? null : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A column to write: its name, its store type without facets, and how to read the provider value from an entity.</summary>
    private sealed class Column(IProperty property, StoreObjectIdentifier table)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Name { get; } = property.GetColumnName(table)!;

        /// <summary>"character varying(8)" becomes "character varying": the name PostgreSQL's binary format needs.</summary>
        public string StoreType { get; } = property.GetColumnType() is var type && type.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? type[..open].Trim() : property.GetColumnType();

        /// <summary>
        /// A nullable column with no default that no row fills is left out of the statement: the database writes
        /// the same NULL, and each column left out is one bind fewer per row (most of a review's recording columns
        /// are empty on import).
        /// </summary>
        public bool NullInEvery(IReadOnlyList<object> entities) =>
            _nullableWithoutDefault && entities.All(e => _getter.GetClrValueUsingContainingEntity(e) is null);

        private readonly bool _nullableWithoutDefault = property.IsNullable && property.GetDefaultValue() is null
            && property.GetDefaultValueSql() is null && property.GetComputedColumnSql() is null;

        public object? Read(object entity)
        {
            var value = _getter.GetClrValueUsingContainingEntity(entity);
            return value is not null && _converter is not null ? _converter.ConvertToProvider(value) : value;
        }
    }
}
