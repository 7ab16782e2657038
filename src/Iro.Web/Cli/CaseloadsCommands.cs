using System.CommandLine;
using System.Globalization;
using Iro.Web.Data;
using Iro.Web.Features.Caseloads;
using Iro.Web.Features.Reporting;

namespace Iro.Web.Cli;

/// <summary><c>iro caseloads</c> and <c>iro import allocations</c>.</summary>
internal static class CaseloadsCommands
{
    public static Command Create(CliContext cli)
    {
        var asOf = new Option<string>("--as-of") { Description = "The date, YYYY-MM-DD.", Required = true };
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("caseloads", "Caseloads on a date: children looked after and allocated, per FTE, for the service, each employment type and every IRO in post.") { asOf, format };
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                await cli.Error.WriteLineAsync($"--as-of must be a date written YYYY-MM-DD (got '{parse.GetValue(asOf)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var snapshot = await services.GetRequiredService<CaseloadSource>().OnAsync(date, token);
                var report = await CaseloadReport.BuildAsync(services.GetRequiredService<IroDbContext>(), snapshot, token);
                if (parse.GetValue(format) == "csv") await CsvReport.WriteAsync(cli.Output, report.ToTable(), token);
                else await cli.Output.WriteLineAsync(report.ToJson());
                return 0;
            }, ct);
        });
        return command;
    }

    public static Command Import(CliContext cli)
    {
        var file = new Option<FileInfo>("--file")
        {
            Description = "CSV with columns " + string.Join(",", ImportAllocations.Columns) + " and optionally " + ImportAllocations.ReasonColumn, Required = true,
        };
        var command = new Command("allocations", "Import IRO allocations from CSV. All rows are checked first; any error means nothing is written.") { file };
        command.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var result = await services.GetRequiredService<ImportAllocations>().ImportAsync(parse.GetValue(file)!.FullName, token);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) await cli.Error.WriteLineAsync($"error: {error}");
                await cli.Error.WriteLineAsync($"Nothing was imported: {result.Errors.Count} error(s).");
                return 1;
            }

            await cli.Output.WriteLineAsync($"Imported allocations: {result.Added} added, {result.AlreadyPresent} already present (left unchanged).");
            return 0;
        }, ct));
        return command;
    }
}
