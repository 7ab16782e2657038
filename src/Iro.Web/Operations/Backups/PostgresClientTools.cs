using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace Iro.Web.Operations.Backups;

/// <summary>
/// Runs PostgreSQL's own client tools (pg_dump, pg_restore) against the configured database. The connection goes
/// through libpq's environment variables, so the password is never on a command line that other users can see.
/// </summary>
internal sealed class PostgresClientTools(string connectionString, string? toolsDirectory)
{
    public const string AptPackage = "postgresql-client";

    private readonly NpgsqlConnectionStringBuilder _connection = new(connectionString);

    public string DatabaseName => _connection.Database ?? throw new BackupRefusedException("The connection string names no database.");

    /// <summary>Runs a tool to completion; returns its standard output, or throws with its error output.</summary>
    public async Task<string> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(ToolPath(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment()) start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new BackupRefusedException(
                $"{tool} was not found. Install the PostgreSQL client tools (apt package {AptPackage}), of the server's " +
                "major version or newer, or set Database:ClientToolsPath to the folder that holds them.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new BackupRefusedException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}");
            return await output;
        }
    }

    private string ToolPath(string tool) =>
        string.IsNullOrWhiteSpace(toolsDirectory) ? tool : Path.Combine(toolsDirectory, tool);

    private IEnumerable<(string Name, string? Value)> Environment()
    {
        yield return ("PGHOST", _connection.Host);
        yield return ("PGPORT", _connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("PGDATABASE", _connection.Database);
        yield return ("PGUSER", _connection.Username);
        yield return ("PGPASSWORD", _connection.Password);
        yield return ("PGSSLMODE", _connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
    }
}
