using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Iro.Web.Data;

/// <summary>
/// SQLite lets one writer in at a time, and the app has background writers (the import-job claim, scheduled
/// clean-up, lease renewals) beside the requests. Every connection waits up to a few seconds for the write lock
/// inside SQLite itself, in every step of a statement (an INSERT ... RETURNING included), instead of failing at once
/// with "database is locked".
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
