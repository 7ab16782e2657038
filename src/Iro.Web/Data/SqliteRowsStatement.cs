using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Iro.Web.Data;

/// <summary>
/// An <c>INSERT ... VALUES (...), (...)</c> of a fixed number of rows, prepared once on the connection's own handle
/// (so it runs in the connection's transaction) and executed again for every batch. Parameters are positional and
/// bound by index: Microsoft.Data.Sqlite binds by name, looking each name up in the statement, which makes a
/// statement of many parameters slower than one row at a time. Each value gets the storage class and text
/// <see cref="SqliteParameter"/> gives it (no <c>SqliteType</c> set), for the types <see cref="Binds"/> accepts.
/// </summary>
internal sealed class SqliteRowsStatement : IDisposable
{
    /// <summary>About this many parameters a statement: enough to share the statement's own work among many rows.</summary>
    private const int ParametersPerStatement = 600;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _columns;

    /// <param name="insert">"INSERT INTO table (columns) VALUES ", to which the rows' placeholders are added.</param>
    public SqliteRowsStatement(SqliteConnection connection, string insert, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = columns;
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        var sql = insert + string.Join(", ", Enumerable.Repeat(row, rows));
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public static int RowsPerStatement(int columns) => Math.Max(1, ParametersPerStatement / Math.Max(1, columns));

    /// <summary>The provider value types bound here exactly as <see cref="SqliteParameter"/> binds them.</summary>
    public static bool Binds(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(bool) || type == typeof(DateOnly) || type == typeof(Guid);

    public void Bind(int row, int column, object? value)
    {
        var index = row * _columns + column + 1;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            DateOnly date => BindDate(index, date),
            // As SqliteParameter writes a GUID without a SqliteType: upper-case text.
            Guid guid => raw.sqlite3_bind_text(_statement, index, guid.ToString().ToUpperInvariant()),
            _ => throw new NotSupportedException($"{value.GetType().Name} values are not bound here."),
        };
        Check(rc);
    }

    /// <summary>Runs the statement with the values bound, then readies it for the next batch.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(reset == raw.SQLITE_OK ? rc : reset);
    }

    public void Dispose() => _statement.Dispose();

    private int BindDate(int index, DateOnly date)
    {
        Span<byte> text = stackalloc byte[16];
        date.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(_statement, index, text[..written]);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
