using System.Text;

namespace Iro.Web.Operations.Backups;

/// <summary>What kind of file a backup is, judged by its first bytes.</summary>
internal enum BackupFormat { NotABackup, Sqlite, PostgresCustom }

internal static class BackupFile
{
    /// <summary>The table every migrated IRO database has; a database file without it is not one of ours.</summary>
    public const string MigrationsTable = "__EFMigrationsHistory";

    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly byte[] PostgresCustomHeader = Encoding.ASCII.GetBytes("PGDMP");

    public static BackupFormat FormatOf(string path)
    {
        var head = new byte[SqliteHeader.Length];
        using (var stream = File.OpenRead(path))
        {
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
        }

        if (head.AsSpan().StartsWith(SqliteHeader)) return BackupFormat.Sqlite;
        if (head.AsSpan().StartsWith(PostgresCustomHeader)) return BackupFormat.PostgresCustom;
        return BackupFormat.NotABackup;
    }

    /// <summary>Checks the file exists and is a backup of the expected kind; refuses otherwise.</summary>
    public static void RequireFormat(string path, BackupFormat expected)
    {
        if (!File.Exists(path)) throw new BackupRefusedException($"{path} does not exist.");
        var format = FormatOf(path);
        if (format == expected) return;
        throw new BackupRefusedException(format switch
        {
            BackupFormat.NotABackup => $"{path} is not a backup made by 'iro db backup'.",
            BackupFormat.Sqlite => $"{path} is a SQLite backup; the configured database is PostgreSQL.",
            _ => $"{path} is a PostgreSQL backup; the configured database is SQLite.",
        });
    }

    /// <summary>Refuses to replace an existing file: a backup never overwrites another one.</summary>
    public static void RequireNew(string path)
    {
        if (File.Exists(path)) throw new BackupRefusedException($"{path} already exists; choose a new file name.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new BackupRefusedException($"The folder {directory} does not exist.");
    }

    /// <summary>The refusal for a restore target that holds data, naming the tables with rows.</summary>
    public static void RequireEmpty(IReadOnlyList<string> tablesWithRows)
    {
        if (tablesWithRows.Count == 0) return;
        throw new BackupRefusedException(
            "The database is not empty, so nothing was restored. Tables with rows: " + string.Join(", ", tablesWithRows) +
            ". Restore into a new, empty database.");
    }

    /// <summary>A partial file next to the target, moved into place only when the backup is complete.</summary>
    public static string PartialPath(string path) => path + ".partial";
}
