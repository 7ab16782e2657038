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
        var format = new Option<string>("--format") { Description = "json.", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("json");
        var output = new Option<FileInfo?>("--out") { Description = "File to write; standard output when left out." };
        var annual = new Command("annual", "The annual report's figures for a year, beside the year before's.") { year, format, output };
        annual.SetAction(async (parse, ct) =>
        {
            if (!ReportingYear.TryParse(parse.GetValue(year), out var reportingYear))
            {
                await cli.Error.WriteLineAsync($"--year must be a reporting year such as 2017-18 (got '{parse.GetValue(year)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var figures = await services.GetRequiredService<AnnualReportQuery>().RunAsync(reportingYear, token);
                var json = AnnualReportJson.From(figures).Serialize();
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, json, token);
                    await cli.Output.WriteLineAsync($"Wrote the {reportingYear} annual report to {file.FullName}.");
                }
                else
                {
                    await cli.Output.WriteLineAsync(json);
                }

                return 0;
            }, ct);
        });
        return new Command("report", "Service reports.") { annual };
    }
}
