using System.CommandLine;
using Iro.Web.Operations.Backups;

namespace Iro.Web.Cli;

/// <summary><c>iro db backup</c> and <c>iro db restore</c>.</summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (must not exist yet).", Required = true };
        var backup = new Command("backup", "Back up the database while the app runs (SQLite online backup, or pg_dump on PostgreSQL).") { output };
        backup.SetAction((parse, ct) => RunAsync(cli, async (backups, token) =>
        {
            var file = parse.GetValue(output)!.FullName;
            await backups.BackupAsync(file, token);
            await cli.Output.WriteLineAsync($"Backed up the {backups.Describe()} database to {file}.");
        }, ct));

        var input = new Option<FileInfo>("--file") { Description = "A file written by 'iro db backup'.", Required = true };
        var restore = new Command("restore", "Restore a backup into an empty database (refused when any table has rows).") { input };
        restore.SetAction((parse, ct) => RunAsync(cli, async (backups, token) =>
        {
            var file = parse.GetValue(input)!.FullName;
            await backups.RestoreAsync(file, token);
            await cli.Output.WriteLineAsync($"Restored {file}. Run 'iro db migrate' if the backup is from an earlier release.");
        }, ct));
        return [backup, restore];
    }

    private static Task<int> RunAsync(CliContext cli, Func<DatabaseBackup, CancellationToken, Task> action, CancellationToken ct) =>
        CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            try
            {
                await action(ActivatorUtilities.CreateInstance<DatabaseBackup>(services), token);
                return 0;
            }
            catch (BackupRefusedException refused)
            {
                await cli.Error.WriteLineAsync($"error: {refused.Message}");
                return 1;
            }
        }, ct);
}
