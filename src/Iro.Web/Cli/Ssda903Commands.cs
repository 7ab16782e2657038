using System.CommandLine;
using Iro.Ssda903;
using Iro.Web.Features.Interchange;

namespace Iro.Web.Cli;

/// <summary><c>iro import ssda903</c> and <c>iro export ssda903</c>.</summary>
internal static class Ssda903Commands
{
    public static Command Import(CliContext cli)
    {
        var year = YearOption();
        var source = new Argument<string[]>("source") { Description = "A folder of 903 CSV files, the CSV files, or one XML file.", Arity = ArgumentArity.OneOrMore };
        var accept = new Option<bool>("--accept-warnings") { Description = "Import even though the return has warnings (never with errors)." };
        var command = new Command("ssda903", "Import a council's SSDA903 return. Everything is checked first; with any error nothing is written.") { year, accept, source };
        command.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            var collectionYear = parse.GetValue(year)!;
            var paths = parse.GetValue(source)!.Select(Path.GetFullPath).ToList();
            var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                foreach (var path in missing) await cli.Error.WriteLineAsync($"error: '{path}' does not exist.");
                return 1;
            }

            await CommandHost.MigrateAsync(services, token);
            var read = Ssda903Importer.Read(paths, collectionYear);
            var importer = services.GetRequiredService<Ssda903Importer>();
            var user = new ImportUser("command-line", Environment.UserName);
            var sourceText = string.Join(", ", paths.Select(Path.GetFileName));
            var outcome = await importer.ImportAsync(read, sourceText, user, parse.GetValue(accept), null, token);
            if (outcome.Findings.Count > 0) await cli.Error.WriteLineAsync(Finding.RowConvention);
            foreach (var finding in outcome.Findings) await cli.Error.WriteLineAsync(FindingText.Describe(finding));
            switch (outcome.Status)
            {
                case ImportStatus.Refused:
                    await cli.Error.WriteLineAsync($"Nothing was imported: {outcome.Errors} error(s), {outcome.Warnings} warning(s).");
                    return 1;
                case ImportStatus.NeedsAcceptance:
                    await cli.Error.WriteLineAsync($"Nothing was imported: the return has {outcome.Warnings} warning(s). Check them, then run again with --accept-warnings.");
                    return 2;
                default:
                    var r = outcome.Record!;
                    await cli.Output.WriteLineAsync(
                        $"Imported {collectionYear.Name}: children {r.ChildrenAdded} added, {r.ChildrenUpdated} updated; " +
                        $"episodes {r.EpisodesAdded} added, {r.EpisodesUpdated} updated; reviews {r.ReviewsAdded} added, {r.ReviewsUpdated} updated; " +
                        $"other rows {r.OtherAdded} added, {r.OtherUpdated} updated.");
                    return 0;
            }
        }, ct));
        return command;
    }

    public static Command Export(CliContext cli)
    {
        var year = YearOption();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the CSV files to (created if needed).", Required = true };
        var command = new Command("ssda903", "Write a collection year's SSDA903 return as CSV files, checked against the 903 rules.") { year, output };
        command.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var collectionYear = parse.GetValue(year)!;
            var (ret, findings, files) = await services.GetRequiredService<Ssda903Exporter>().WriteAsync(collectionYear, parse.GetValue(output)!.FullName, token);
            if (findings.Count > 0) await cli.Error.WriteLineAsync(Finding.RowConvention);
            foreach (var finding in findings) await cli.Error.WriteLineAsync(FindingText.Describe(finding));
            await cli.Output.WriteLineAsync(
                $"Wrote {collectionYear.Name}: {ret.Header.Count} children, {ret.Episodes.Count} episodes, {ret.Reviews.Count} reviews in {files.Count} files to {parse.GetValue(output)!.FullName}.");
            var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
            if (errors > 0) await cli.Error.WriteLineAsync($"The return has {errors} error(s): correct the records before sending it.");
            return errors > 0 ? 1 : 0;
        }, ct));
        return new Command("export", "Take data out of the service.") { command };
    }

    private static Option<CollectionYear> YearOption() => new("--year")
    {
        Description = "Collection year, e.g. 2017-18 (1 April 2017 to 31 March 2018).",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (CollectionYear.TryParse(text, out var parsed)) return parsed;
            result.AddError($"'{text}' is not a collection year; use the form 2017-18.");
            return null;
        },
    };
}
