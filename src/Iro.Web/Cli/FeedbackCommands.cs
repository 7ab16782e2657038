using System.CommandLine;
using Iro.Web.Features.Feedback;

namespace Iro.Web.Cli;

/// <summary><c>iro import feedback</c>.</summary>
internal static class FeedbackCommands
{
    public static Command Import(CliContext cli)
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV with columns " + string.Join(",", ImportFeedback.Columns), Required = true };
        var command = new Command("feedback", "Import children's consultation returns from a spreadsheet (CSV). All rows are checked first; any error means nothing is written.") { file };
        command.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var result = await services.GetRequiredService<ImportFeedback>().ImportAsync(parse.GetValue(file)!.FullName, token);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await cli.Error.WriteLineAsync($"error: {error}");
                await cli.Error.WriteLineAsync($"Nothing was imported: {result.Errors.Count} error(s).");
                return 1;
            }

            await cli.Output.WriteLineAsync($"Imported feedback: {result.Added} added, {result.AlreadyPresent} already present (left unchanged).");
            return 0;
        }, ct));
        return command;
    }
}
