using System.CommandLine;
using Iro.Domain.Timetable;
using Iro.Web.Features.AnnualReport;

namespace Iro.Web.Cli;

/// <summary><c>iro report annual</c>: the IRO annual report's figures for a reporting year.</summary>
internal static class ReportCommands
{
    public static Command Create(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Reporting year (1 April to 31 March), such as 2017-18.", Required = true };
        var format = new Option<string>("--format") { Description = "html, docx, xlsx or json.", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("html", "docx", "xlsx", "json");
        var outputFile = new Option<FileInfo?>("--out") { Description = "File to write; standard output when left out." };
        var annual = new Command("annual", "The annual report's figures for a year, beside the year before's.") { year, format, outputFile };
        annual.SetAction(async (parse, ct) =>
        {
            if (!ReportingYear.TryParse(parse.GetValue(year), out var reportingYear))
            {
                await cli.Error.WriteLineAsync($"--year must be a reporting year such as 2017-18 (got '{parse.GetValue(year)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var output = await services.GetRequiredService<AnnualReportBook>().RenderAsync(reportingYear, parse.GetValue(format)!, token);
                if (parse.GetValue(outputFile) is { } file)
                {
                    await File.WriteAllBytesAsync(file.FullName, output.Content, token);
                    await cli.Output.WriteLineAsync($"Wrote the {reportingYear} annual report to {file.FullName}.");
                }
                else if (output.IsText)
                {
                    await cli.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(output.Content));
                }
                else
                {
                    await cli.Error.WriteLineAsync("--out is needed for a docx or xlsx report.");
                    return 1;
                }

                return 0;
            }, ct);
        });
        return new Command("report", "Service reports.") { annual, Publish(cli) };
    }

    private static Command Publish(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Reporting year, such as 2017-18.", Required = true };
        var publish = new Command("publish", "Publish a year's annual report, freezing its figures, unless a reconciliation check fails.") { year };
        publish.SetAction(async (parse, ct) =>
        {
            if (!ReportingYear.TryParse(parse.GetValue(year), out var reportingYear))
            {
                await cli.Error.WriteLineAsync($"--year must be a reporting year such as 2017-18 (got '{parse.GetValue(year)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                await CommandHost.MigrateAsync(services, token);
                var result = await services.GetRequiredService<AnnualReportBook>().PublishAsync(reportingYear, null, token);
                foreach (var failure in result.Failures) await cli.Error.WriteLineAsync($"error: {failure.Figure}: {failure.Problem}");
                await (result.Published ? cli.Output : cli.Error).WriteLineAsync(result.Published
                    ? $"The {reportingYear} annual report is published; its figures are frozen."
                    : $"Not published: {result.Failures.Count} reconciliation check(s) failed.");
                return result.Published ? 0 : 1;
            }, ct);
        });
        return publish;
    }
}
