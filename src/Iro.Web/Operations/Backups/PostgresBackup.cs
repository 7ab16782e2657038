using Npgsql;

namespace Iro.Web.Operations.Backups;

/// <summary>
/// PostgreSQL backups with pg_dump's custom format (one consistent snapshot, taken while the app keeps writing)
/// and restores with pg_restore into an empty database, in one transaction so a failed restore leaves nothing.
/// </summary>
internal static class PostgresBackup
{
    public static async Task BackupAsync(string connectionString, string? toolsDirectory, string file, CancellationToken ct)
    {
        BackupFile.RequireNew(file);
        var tools = new PostgresClientTools(connectionString, toolsDirectory);
        var partial = BackupFile.PartialPath(file);
        File.Delete(partial);
        try
        {
            await tools.RunAsync("pg_dump", ["--format=custom", "--no-password", $"--file={partial}"], ct);
            File.Move(partial, file);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task RestoreAsync(string connectionString, string? toolsDirectory, string file, CancellationToken ct)
    {
        BackupFile.RequireFormat(file, BackupFormat.PostgresCustom);
        var tools = new PostgresClientTools(connectionString, toolsDirectory);
        var contents = await tools.RunAsync("pg_restore", ["--list", file], ct);
        if (!contents.Contains($"TABLE public {BackupFile.MigrationsTable}", StringComparison.Ordinal))
            throw new BackupRefusedException($"{file} is a PostgreSQL backup but not of this app (it has no {BackupFile.MigrationsTable} table).");

        BackupFile.RequireEmpty(await TablesWithRowsAsync(connectionString, ct));
        // --clean --if-exists replaces the empty tables of a database that was already migrated; owners and grants
        // are the target server's business (see docs/operations.md).
        await tools.RunAsync("pg_restore",
            ["--no-password", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", "--clean", "--if-exists",
             $"--dbname={tools.DatabaseName}", file], ct);
    }

    private static async Task<List<string>> TablesWithRowsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = new List<(string Schema, string Name)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) tables.Add((reader.GetString(0), reader.GetString(1)));
        }

        var withRows = new List<string>();
        foreach (var (schema, name) in tables.Where(t => t.Name != BackupFile.MigrationsTable))
        {
            await using var exists = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Quote(schema)}.{Quote(name)})", connection);
            if (await exists.ExecuteScalarAsync(ct) is true) withRows.Add(schema == "public" ? name : $"{schema}.{name}");
        }

        return withRows.Order(StringComparer.Ordinal).ToList();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
