using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Iro.Web.Operations.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace Iro.Web.Data;

/// <summary>
/// Inserts many new rows of one entity type on the context's connection and transaction: PostgreSQL through a
/// binary <c>COPY</c>, SQLite through multi-row statements bound by position. Tables, columns, store types and value
/// conversions come from the EF model, so it works on both providers; generated keys are not read back (callers
/// that need them query by a natural key afterwards). Used for imports, where SaveChanges' per-entity work
/// dominates at national scale.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// A load at least this large into an empty table drops the table's indexes first and builds them after: one sort
    /// per index instead of a B-tree insert per row and index.
    /// </summary>
    private const int RebuildIndexesFrom = 20_000;

    public static Task InsertAsync(IroDbContext db, Type clrType, IReadOnlyList<object> entities, CancellationToken ct) =>
        InsertAsync(db, clrType, entities, queuedChildren: null, ct);

    /// <param name="queuedChildren">
    /// Children this transaction has already queued for a timetable recompute (their queue entry already has a stamp
    /// written in it), which rows of theirs need not queue again; a national import's new children are queued once,
    /// not again for each of their episodes and reviews.
    /// </param>
    public static async Task InsertAsync(IroDbContext db, Type clrType, IReadOnlyList<object> entities, IReadOnlySet<int>? queuedChildren, CancellationToken ct)
    {
        if (entities.Count == 0) return;
        var entityType = EntityTypeOf(db, clrType);
        var table = TableOf(entityType);
        var columns = WrittenProperties(entityType)
            .Select(p => new Column<object>(p, table, p.GetGetter().GetClrValueUsingContainingEntity))
            .Where(c => !c.NullInEvery(entities))
            .ToList();
        await WriteAsync(db, table, columns, entities, ct);

        var childId = entityType.FindProperty("ChildId")?.GetGetter();
        var toQueue = queuedChildren is null || childId is null
            ? entities
            : [.. entities.Where(e => !queuedChildren.Contains((int)childId.GetClrValueUsingContainingEntity(e)!))];
        await AfterInsertAsync(db, clrType, () => Features.Timetable.Store.TimetableQueueing.EnqueueInsertedAsync(db, clrType, toQueue, ct), ct);
    }

    /// <summary>
    /// Inserts rows given as values rather than entities (no entity is built per row): <paramref name="values"/> reads
    /// each named property's value from a row; every other property takes the value a new entity has, which must be
    /// the same for every new entity (a per-instance default, such as a new concurrency stamp, must be given). Rows of
    /// a type whose changes queue a timetable recompute must give <c>ChildId</c>.
    /// </summary>
    /// <param name="queuedChildren">As for <see cref="InsertAsync(IroDbContext, Type, IReadOnlyList{object}, IReadOnlySet{int}?, CancellationToken)"/>.</param>
    public static async Task InsertRowsAsync<TRow>(
        IroDbContext db, Type clrType, IReadOnlyList<TRow> rows, IReadOnlyDictionary<string, Func<TRow, object?>> values, IReadOnlySet<int>? queuedChildren, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (rows.Count == 0) return;
        var entityType = EntityTypeOf(db, clrType);
        var table = TableOf(entityType);
        var (template, other) = (Activator.CreateInstance(clrType)!, Activator.CreateInstance(clrType)!);
        var columns = new List<Column<TRow>>();
        foreach (var property in WrittenProperties(entityType))
        {
            if (values.TryGetValue(property.Name, out var read))
            {
                columns.Add(new Column<TRow>(property, table, r => read(r)));
                continue;
            }

            var getter = property.GetGetter();
            var value = getter.GetClrValueUsingContainingEntity(template);
            if (!Equals(value, getter.GetClrValueUsingContainingEntity(other)))
                throw new InvalidOperationException($"{clrType.Name}.{property.Name} differs between new entities: give its value per row.");
            var column = Column<TRow>.Constant(property, table, value);
            if (!column.NullInEvery(rows)) columns.Add(column);
        }

        await WriteAsync(db, table, columns, rows, ct);
        await AfterInsertAsync(db, clrType, () => clrType == typeof(Domain.Children.Child)
            ? Features.Timetable.Store.TimetableQueueing.EnqueueInsertedAsync(db, clrType, [], ct)
            : Features.Timetable.Store.TimetableQueueing.EnqueueAsync(db, ChildIds(clrType, rows, values, queuedChildren), ct), ct);
    }

    private static HashSet<int> ChildIds<TRow>(Type clrType, IReadOnlyList<TRow> rows, IReadOnlyDictionary<string, Func<TRow, object?>> values, IReadOnlySet<int>? queued)
    {
        var childId = values.GetValueOrDefault("ChildId") ?? throw new InvalidOperationException($"{clrType.Name} rows must give ChildId.");
        return [.. rows.Select(r => (int)childId(r)!).Where(id => queued?.Contains(id) != true)];
    }

    /// <summary>
    /// The rows bypass the change tracker, so the data version moves and their children are queued for a timetable
    /// recompute here, in the same transaction.
    /// </summary>
    private static async Task AfterInsertAsync(IroDbContext db, Type clrType, Func<Task> enqueue, CancellationToken ct)
    {
        if (DataVersion.IsWatched(clrType)) await DataVersion.MoveNowAsync(db, ct);
        if (!Features.Timetable.Store.TimetableQueueing.IsWatched(clrType)) return;
        using (IroTelemetry.ActivitySource.StartActivity("bulk insert: queue for timetable")) await enqueue();
    }

    private static IEntityType EntityTypeOf(IroDbContext db, Type clrType) =>
        db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");

    private static StoreObjectIdentifier TableOf(IEntityType entityType) => StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());

    /// <summary>Every mapped property but a key the database generates.</summary>
    private static IEnumerable<IProperty> WrittenProperties(IEntityType entityType) =>
        entityType.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never));

    private static async Task WriteAsync<TRow>(IroDbContext db, StoreObjectIdentifier table, List<Column<TRow>> columns, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        using var activity = IroTelemetry.ActivitySource.StartActivity("bulk insert " + table.Name);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var tableName = Quote(table.Schema) is { } schema ? $"{schema}.{Quote(table.Name)}" : Quote(table.Name)!;

        var indexes = rows.Count >= RebuildIndexesFrom && await IsEmptyAsync(connection, transaction, tableName, ct)
            ? await DropIndexesAsync(connection, transaction, table.Name, tableName, ct)
            : [];
        switch (connection)
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, tableName, columns, rows, ct);
                break;
            case SqliteConnection sqlite:
                await SqliteInsertAsync(sqlite, transaction, tableName, columns, rows, ct);
                break;
            default:
                throw new NotSupportedException($"Bulk insert does not support {connection.GetType().Name}.");
        }

        using var rebuild = indexes.Count > 0 ? IroTelemetry.ActivitySource.StartActivity("bulk insert: build indexes") : null;
        foreach (var create in indexes) await ExecuteAsync(connection, transaction, create, ct);
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

    /// <summary>
    /// SQLite's page cache during a large load, in KiB. The cache is memory of the process until the connection closes;
    /// a national return's database (about 120 MiB) no longer fits, so pages spill to the file before the commit, which
    /// for rows appended to new pages costs little, and the import's peak memory stays under its target.
    /// </summary>
    private const int LargeLoadCacheKiB = 32 * 1024;

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }

    /// <summary>
    /// One binary COPY: the rows stream to the server without a statement per row or parameter parsing. Each column's
    /// PostgreSQL type is resolved once (<see cref="Column{TRow}.NpgsqlType"/>), not by name for every value.
    /// </summary>
    private static async Task CopyAsync<TRow>(NpgsqlConnection connection, string table, List<Column<TRow>> columns, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Read(row) is not { } value) await importer.WriteNullAsync(ct);
                else if (column.NpgsqlType is { } type) await importer.WriteAsync(value, type, ct);
                else await importer.WriteAsync(value, column.StoreType, ct);
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// SQLite runs in-process: the rows go through statements of many rows each, prepared once per batch size on the
    /// connection's own handle and bound by position (<see cref="SqliteRowsStatement"/>), with the values SqliteParameter
    /// would write. A column of a type that binding does not cover falls back to one reused single-row command.
    /// </summary>
    private static async Task SqliteInsertAsync<TRow>(
        SqliteConnection connection, DbTransaction? transaction, string table, List<Column<TRow>> columns, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var insert = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => Quote(c.Name))).Append(") VALUES ").ToString();
        using (IroTelemetry.ActivitySource.StartActivity("bulk insert: rows"))
        {
            if (columns.All(c => SqliteRowsStatement.Binds(c.ProviderType))) SqliteInsertRows(connection, insert, columns, rows, ct);
            else await SqliteInsertEachAsync(connection, transaction, insert, columns, rows, ct);
        }
    }

    private static void SqliteInsertRows<TRow>(SqliteConnection connection, string insert, List<Column<TRow>> columns, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var perStatement = SqliteRowsStatement.RowsPerStatement(columns.Count);
        var full = rows.Count / perStatement * perStatement;
        if (full > 0)
        {
            using var batch = new SqliteRowsStatement(connection, insert, columns.Count, perStatement);
            for (var start = 0; start < full; start += perStatement)
            {
                ct.ThrowIfCancellationRequested();
                for (var r = 0; r < perStatement; r++) Bind(batch, r, columns, rows[start + r]);
                batch.Execute();
            }
        }

        if (full == rows.Count) return;
        using var rest = new SqliteRowsStatement(connection, insert, columns.Count, rows.Count - full);
        for (var r = full; r < rows.Count; r++) Bind(rest, r - full, columns, rows[r]);
        rest.Execute();
    }

    private static void Bind<TRow>(SqliteRowsStatement statement, int rowInStatement, List<Column<TRow>> columns, TRow row)
    {
        for (var c = 0; c < columns.Count; c++) statement.Bind(rowInStatement, c, columns[c].Read(row));
    }

    /// <summary>One prepared single-row command, reused for every row.</summary>
    private static async Task SqliteInsertEachAsync<TRow>(
        SqliteConnection connection, DbTransaction? transaction, string insert, List<Column<TRow>> columns, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        var sql = new StringBuilder(insert).Append('(');
        for (var c = 0; c < columns.Count; c++)
        {
            var name = "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(c == 0 ? name : ", " + name);
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.CommandText = sql.Append(')').ToString();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++) command.Parameters[c].Value = columns[c].Read(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<bool> IsEmptyAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {table})";
        return !Convert.ToBoolean(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Drops the table's indexes (in the transaction) and returns the statements that create them again as they were.
    /// Indexes that back a constraint (the primary key) stay: they cannot be dropped on their own. A unique index
    /// rebuilt over duplicate rows fails, which rolls the whole load back.
    /// </summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, DbTransaction? transaction, string tableName, string quotedTable, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = connection is NpgsqlConnection
                ? """
                  SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                  WHERE x.indrelid = @table::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                  """
                // Indexes SQLite makes for constraints have no SQL.
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL";
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("table", connection is NpgsqlConnection ? quotedTable : tableName);
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        using (IroTelemetry.ActivitySource.StartActivity("bulk insert: drop indexes"))
        {
            foreach (var (name, _) in indexes) await ExecuteAsync(connection, transaction, $"DROP INDEX {Quote(name)}", ct);
        }

        return [.. indexes.Select(i => i.Sql)];
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? Quote(string? identifier) => identifier is null ? null : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A column to write: its name, its store type without facets, and how to read the provider value from a row.</summary>
    private sealed class Column<TRow>(IProperty property, StoreObjectIdentifier table, Func<TRow, object?> read, bool readsProviderValues = false)
    {
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter =
            readsProviderValues ? null : property.GetTypeMapping().Converter;

        /// <summary>The same value in every row, converted once.</summary>
        public static Column<TRow> Constant(IProperty property, StoreObjectIdentifier table, object? value)
        {
            var stored = value is not null && property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
            return new Column<TRow>(property, table, _ => stored, readsProviderValues: true);
        }

        public string Name { get; } = property.GetColumnName(table)!;

        /// <summary>"character varying(8)" becomes "character varying": the name PostgreSQL's binary format needs.</summary>
        public string StoreType { get; } = StoreTypeOf(property);

        /// <summary>The PostgreSQL type of <see cref="StoreType"/>, when it is one of the common ones; otherwise it is resolved by name.</summary>
        public NpgsqlDbType? NpgsqlType { get; } = PostgresTypes.TryGetValue(StoreTypeOf(property), out var known) ? known : null;

        /// <summary>The type of the values <see cref="Read"/> returns (after the value converter).</summary>
        public Type ProviderType { get; } = Nullable.GetUnderlyingType(property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType)
            ?? property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;

        /// <summary>
        /// A nullable column with no default that no row fills is left out of the statement: the database writes
        /// the same NULL, and each column left out is one bind fewer per row (most of a review's recording columns
        /// are empty on import).
        /// </summary>
        public bool NullInEvery(IReadOnlyList<TRow> rows) => _nullableWithoutDefault && rows.All(r => read(r) is null);

        private readonly bool _nullableWithoutDefault = property.IsNullable && property.GetDefaultValue() is null
            && property.GetDefaultValueSql() is null && property.GetComputedColumnSql() is null;

        public object? Read(TRow row)
        {
            var value = read(row);
            return value is not null && _converter is not null ? _converter.ConvertToProvider(value) : value;
        }
    }

    private static string StoreTypeOf(IProperty property) =>
        property.GetColumnType() is var type && type.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? type[..open].Trim() : property.GetColumnType();

    private static readonly Dictionary<string, NpgsqlDbType> PostgresTypes = new(StringComparer.Ordinal)
    {
        ["integer"] = NpgsqlDbType.Integer,
        ["bigint"] = NpgsqlDbType.Bigint,
        ["smallint"] = NpgsqlDbType.Smallint,
        ["boolean"] = NpgsqlDbType.Boolean,
        ["text"] = NpgsqlDbType.Text,
        ["character varying"] = NpgsqlDbType.Varchar,
        ["date"] = NpgsqlDbType.Date,
        ["uuid"] = NpgsqlDbType.Uuid,
        ["timestamp with time zone"] = NpgsqlDbType.TimestampTz,
        ["double precision"] = NpgsqlDbType.Double,
    };
}
