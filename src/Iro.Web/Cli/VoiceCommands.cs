using System.CommandLine;
using Iro.Domain.Timetable;
using Iro.Web.Features.Advocacy;
using Iro.Web.Features.IndependentVisitors;
using Iro.Web.Features.Voice;

namespace Iro.Web.Cli;

/// <summary><c>iro voice summary</c>, <c>iro import advocacy</c> and <c>iro import visitors</c>.</summary>
internal static class VoiceCommands
{
    public static Command Create(CliContext cli) =>
        new("voice", "The child's voice between reviews: figures for a reporting year.") { Summary(cli) };

    private static Command Summary(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Reporting year (1 April to 31 March), such as 2017-18.", Required = true };
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("summary", "Advocacy, independent visitors, missing episodes, placement moves, feedback and file audits in a reporting year.") { year, format };
        command.SetAction(async (parse, ct) =>
        {
            if (!ReportingYear.TryParse(parse.GetValue(year), out var reportingYear))
            {
                await cli.Error.WriteLineAsync($"--year must be a reporting year such as 2017-18 (got '{parse.GetValue(year)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var json = VoiceSummaryJson.From(await services.GetRequiredService<VoiceSummaryQuery>().RunAsync(reportingYear, token));
                await cli.Output.WriteLineAsync(parse.GetValue(format) == "csv" ? json.ToCsv().TrimEnd('\n') : json.Serialize());
                return 0;
            }, ct);
        });
        return command;
    }

    public static Command ImportAdvocacy(CliContext cli) =>
        Import(cli, "advocacy", "advocacy referrals", Features.Advocacy.ImportAdvocacy.Columns,
            (services, path, ct) => services.GetRequiredService<ImportAdvocacy>().ImportAsync(path, ct));

    public static Command ImportVisitors(CliContext cli) =>
        Import(cli, "visitors", "independent visitor needs", Features.IndependentVisitors.ImportVisitors.Columns,
            (services, path, ct) => services.GetRequiredService<ImportVisitors>().ImportAsync(path, ct));

    private static Command Import(
        CliContext cli, string name, string what, IReadOnlyList<string> columns, Func<IServiceProvider, string, CancellationToken, Task<VoiceImportResult>> run)
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV with columns " + string.Join(",", columns), Required = true };
        var command = new Command(name, $"Import {what} from a spreadsheet (CSV). All rows are checked first; any error means nothing is written.") { file };
        command.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var result = await run(services, parse.GetValue(file)!.FullName, token);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await cli.Error.WriteLineAsync($"error: {error}");
                await cli.Error.WriteLineAsync($"Nothing was imported: {result.Errors.Count} error(s).");
                return 1;
            }

            await cli.Output.WriteLineAsync($"Imported {what}: {result.Added} added, {result.AlreadyPresent} already present (left unchanged).");
            return 0;
        }, ct));
        return command;
    }
}
