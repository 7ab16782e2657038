using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable;

namespace Iro.Web.Cli;

/// <summary><c>iro reviews timetable</c> and <c>iro reviews timeliness</c>: service-wide, for reporting and checks.</summary>
internal static class ReviewsCommands
{
    public static Command Create(CliContext cli) =>
        new("reviews", "Statutory review timetable and timeliness.") { Timetable(cli), TimelinessCommand(cli) };

    private static Option<string> FormatOption() => new Option<string>("--format")
    {
        Description = "json or csv.",
        DefaultValueFactory = _ => "json",
    }.AcceptOnlyFromAmong("json", "csv");

    private static Command Timetable(CliContext cli)
    {
        var asOf = new Option<string>("--as-of") { Description = "Date (YYYY-MM-DD): reviews held up to it count; overdue is as at it.", Required = true };
        var child = new Option<string?>("--child") { Description = "One child's local ID; every child in the service by default." };
        var format = FormatOption();
        var command = new Command("timetable", "Each child's review timetable as at a date.") { asOf, child, format };
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                await cli.Error.WriteLineAsync($"--as-of must be a date written YYYY-MM-DD, such as 2026-03-31 (got '{parse.GetValue(asOf)}').");
                return 1;
            }

            var childId = parse.GetValue(child);
            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var timetables = services.GetRequiredService<TimetableService>();
                var csv = parse.GetValue(format) == "csv";
                if (childId is null)
                {
                    // Every child: read straight from the data readers, each block of timetables computed and written together.
                    var everyChild = await timetables.ReadEveryChildAsync(date, token);
                    if (csv)
                    {
                        var computed = everyChild.ComputeAll(token);
                        await TimetableCsv.WriteAsync(cli.Output, computed.Select((t, i) => (everyChild.LocalIds[i], t)), date);
                    }
                    else
                    {
                        await JsonArrayOutput.WriteLineAsync(
                            cli.Output, everyChild.Count, (json, i) => TimetableJsonWriter.Write(json, everyChild.LocalIds[i], everyChild.Compute(i), date),
                            TimetableJson.SerializerOptions, token);
                    }

                    return 0;
                }

                var entries = await timetables.LoadAsync(services.GetRequiredService<IroDbContext>().Children.Where(c => c.LocalId == childId), date, token);
                if (entries.Count == 0)
                {
                    await cli.Error.WriteLineAsync($"No child with ID '{childId}'.");
                    return 1;
                }

                if (csv)
                {
                    await TimetableCsv.WriteAsync(cli.Output, entries.Select(e => (e.Child.LocalId, e.Timetable)), date);
                }
                else
                {
                    await JsonArrayOutput.WriteLineAsync(
                        cli.Output, entries.Count, (json, i) => TimetableJsonWriter.Write(json, entries[i].Child.LocalId, entries[i].Timetable, date),
                        TimetableJson.SerializerOptions, token);
                }

                return 0;
            }, ct);
        });
        return command;
    }

    private static Command TimelinessCommand(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Reporting year, such as 2022-23.", Required = true };
        var format = FormatOption();
        var command = new Command("timeliness", "Reviews held on time, month by month, in a reporting year.") { year, format };
        command.SetAction(async (parse, ct) =>
        {
            if (!ReportingYear.TryParse(parse.GetValue(year), out var reportingYear))
            {
                await cli.Error.WriteLineAsync($"--year must be a reporting year such as 2022-23 (got '{parse.GetValue(year)}').");
                return 1;
            }

            return await CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
            {
                var report = await services.GetRequiredService<TimelinessQuery>().ReportAsync(reportingYear, token);
                if (parse.GetValue(format) == "csv")
                    await CsvReport.WriteAsync(cli.Output, report.ToTable(), token);
                else
                    await cli.Output.WriteLineAsync(JsonSerializer.Serialize(report.ToJson(), TimetableJson.SerializerOptions));
                return 0;
            }, ct);
        });
        return command;
    }
}
