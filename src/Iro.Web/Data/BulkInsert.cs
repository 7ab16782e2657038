using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Iro.Web.Data;

/// <summary>
/// Inserts many new rows of one entity type with multi-row INSERT statements on the context's connection and
/// transaction. Tables, columns and value conversions come from the EF model, so it works on both providers;
/// generated keys are not read back (callers that need them query by a natural key afterwards). Used for
/// imports, where SaveChanges' per-entity work dominates at national scale.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Both providers allow far more parameters per statement; this keeps statements modest.</summary>
    private const int MaxParameters = 30_000;

    public static async Task InsertAsync(IroDbContext db, Type clrType, IReadOnlyList<object> entities, CancellationToken ct)
    {
        if (entities.Count == 0) return;
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Converter: p.GetTypeMapping().Converter))
            .ToList();
        // SQLite runs in-process, so one prepared single-row statement reused is fastest (binding thousands of
        // named parameters costs more than it saves); a server is sent many rows per round trip.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(1000, MaxParameters / columns.Count));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);

        DbCommand? command = null;
        try
        {
            for (var start = 0; start < entities.Count; start += rowsPerStatement)
            {
                var rows = Math.Min(rowsPerStatement, entities.Count - start);
                if (command is null || command.Parameters.Count != rows * columns.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = CreateCommand(connection, transaction, table.Name, columns.Select(c => c.Column).ToList(), rows);
                }

                var parameter = 0;
                for (var r = 0; r < rows; r++)
                {
                    var entity = entities[start + r];
                    foreach (var (property, _, converter) in columns)
                    {
                        var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
                        if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                        command.Parameters[parameter++].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }

        // The rows bypass the change tracker, so the data version moves and their children are queued for a timetable
        // recompute here, in the same transaction.
        if (DataVersion.IsWatched(clrType)) await DataVersion.MoveNowAsync(db, ct);
        if (Features.Timetable.Store.TimetableQueueing.IsWatched(clrType)) await Features.Timetable.Store.TimetableQueueing.EnqueueInsertedAsync(db, clrType, entities, ct);
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string table, List<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = "@p" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
