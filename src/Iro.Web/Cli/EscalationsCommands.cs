using System.CommandLine;
using Iro.Domain.Timetable;
using Iro.Web.Features.Escalations;

namespace Iro.Web.Cli;

/// <summary><c>iro escalations summary</c> and <c>iro import escalations</c>.</summary>
internal static class EscalationsCommands
{
    public static Command Create(CliContext cli) =>
        new("escalations", "The dispute resolution process: figures for a reporting year.") { Summary(cli) };

    private static Command Summary(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Reporting year (escalations raised 1 April to 31 March), such as 2017-18.", Required = true };
        var format = new Option<string>("--format") { Description = "json.", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("json");
        var command = new Command("summary", "Escalations raised in a reporting year: by level, theme and outcome, working days to resolve, Cafcass referrals.") { year, format };
        command.SetAction(async (parse, ct) =>
        {
            if (!ReportingYear.TryParse(parse.GetValue(year), out var reportingYear))
            {
                await cli.Error.WriteLineAsync($"--year must be a reporting year such as 2017-18 (got '{parse.GetValue(year)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var figures = await services.GetRequiredService<EscalationSummaryQuery>().RunAsync(reportingYear, token);
                await cli.Output.WriteLineAsync(EscalationSummaryJson.From(figures).Serialize());
                return 0;
            }, ct);
        });
        return command;
    }

    public static Command Import(CliContext cli)
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV with columns " + string.Join(",", ImportEscalations.Columns), Required = true };
        var command = new Command("escalations", "Import escalations from a spreadsheet (CSV). All rows are checked first; any error means nothing is written.") { file };
        command.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var result = await services.GetRequiredService<ImportEscalations>().ImportAsync(parse.GetValue(file)!.FullName, token);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await cli.Error.WriteLineAsync($"error: {error}");
                await cli.Error.WriteLineAsync($"Nothing was imported: {result.Errors.Count} error(s).");
                return 1;
            }

            await cli.Output.WriteLineAsync($"Imported escalations: {result.Added} added, {result.AlreadyPresent} already present (left unchanged).");
            return 0;
        }, ct));
        return command;
    }
}
