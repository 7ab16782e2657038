using System.CommandLine;
using Iro.Web.Features.Officers;

namespace Iro.Web.Cli;

internal static class ImportCommands
{
    /// <summary>Further import verbs (e.g. ssda903) registered by their features.</summary>
    internal static readonly List<Func<CliContext, Command>> Extensions = [Ssda903Commands.Import, EscalationsCommands.Import, CaseloadsCommands.Import, VoiceCommands.ImportAdvocacy, VoiceCommands.ImportVisitors, FeedbackCommands.Import];

    public static Command Create(CliContext cli)
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV with columns " + string.Join(",", ImportOfficers.Columns), Required = true };
        var iros = new Command("iros", "Import IROs from CSV. All rows are checked first; any error means nothing is written.") { file };
        iros.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var result = await services.GetRequiredService<ImportOfficers>().ImportAsync(parse.GetValue(file)!.FullName, token);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await cli.Error.WriteLineAsync($"error: {error}");
                await cli.Error.WriteLineAsync($"Nothing was imported: {result.Errors.Count} error(s).");
                return 1;
            }

            await cli.Output.WriteLineAsync($"Imported IROs: {result.Added} added, {result.Updated} updated.");
            return 0;
        }, ct));
        var import = new Command("import", "Bring data into the service.") { iros };
        foreach (var extension in Extensions) import.Subcommands.Add(extension(cli));
        return import;
    }
}
