using System.CommandLine;

namespace Iro.Web.Cli;

internal static class DatabaseCommands
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "Create the database or bring it up to date.");
        migrate.SetAction((_, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            await cli.Output.WriteLineAsync("Database is up to date.");
            return 0;
        }, ct));
        var db = new Command("db", "Database administration.") { migrate };
        foreach (var verb in BackupCommands.Create(cli)) db.Subcommands.Add(verb);
        return db;
    }
}
