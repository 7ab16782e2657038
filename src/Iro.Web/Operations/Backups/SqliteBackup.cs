using Microsoft.Data.Sqlite;

namespace Iro.Web.Operations.Backups;

/// <summary>
/// SQLite backups through SQLite's online backup API: a consistent copy taken while the app keeps running
/// (writers wait for the copy, at most the busy timeout), and a restore that copies a backup into an empty database.
/// </summary>
internal static class SqliteBackup
{
    private const int BusyTimeoutMilliseconds = 30_000;

    public static void Backup(string connectionString, string file)
    {
        BackupFile.RequireNew(file);
        var partial = BackupFile.PartialPath(file);
        File.Delete(partial);
        try
        {
            using (var source = Open(connectionString, SqliteOpenMode.ReadOnly))
            using (var destination = Open(FileConnection(partial, SqliteOpenMode.ReadWriteCreate), SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(destination);
            }

            File.Move(partial, file);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static void Restore(string connectionString, string file)
    {
        BackupFile.RequireFormat(file, BackupFormat.Sqlite);
        using var backup = Open(FileConnection(file, SqliteOpenMode.ReadOnly), SqliteOpenMode.ReadOnly);
        if (!TableNames(backup).Contains(BackupFile.MigrationsTable))
            throw new BackupRefusedException($"{file} is a SQLite database but not a backup of this app (it has no {BackupFile.MigrationsTable} table).");

        using var target = Open(connectionString, SqliteOpenMode.ReadWriteCreate);
        BackupFile.RequireEmpty(TablesWithRows(target));
        backup.BackupDatabase(target);
    }

    private static List<string> TablesWithRows(SqliteConnection connection) =>
        TableNames(connection)
            .Where(table => table != BackupFile.MigrationsTable)
            .Where(table => Scalar(connection, $"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"")}\")") is 1L)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> TableNames(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static SqliteConnection Open(string connectionString, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // The backup API reports a locked database at once unless a busy timeout is set on the connection.
        Scalar(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
        return connection;
    }
}
