using System.CommandLine;
using Iro.Web.Audit;
using Iro.Web.Features.Governance;

namespace Iro.Web.Cli;

/// <summary><c>iro children export --child ID --out DIR</c>: a subject access export written to a folder.</summary>
internal static class ChildrenCommands
{
    public static Command Create(CliContext cli)
    {
        var child = new Option<string>("--child") { Description = "The child's ID (the 903 CHILD).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write record.json, audit.json and documents/ into.", Required = true };
        var export = new Command("export", "Everything held about a child, for a subject access request, as JSON and Word documents.") { child, output };
        export.SetAction((parse, ct) => CommandHost.RunAsync(cli.ConfigOverrides, async (services, token) =>
        {
            await CommandHost.MigrateAsync(services, token);
            var localId = parse.GetValue(child)!.Trim();
            var folder = parse.GetValue(output)!;
            var exporter = services.GetRequiredService<SubjectAccessExport>();
            if (await exporter.FindAsync(localId, token) is not { } key)
            {
                await cli.Error.WriteLineAsync($"No child has the ID '{localId}'.");
                return 1;
            }

            var files = await exporter.BuildAsync(key, WriteAuditInterceptor.SystemUser, $"iro children export --child {localId}", token);
            foreach (var file in files)
            {
                var path = Path.Combine(folder.FullName, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content, token);
            }

            await cli.Output.WriteLineAsync($"Wrote {files.Count} files for child {localId} to {folder.FullName}.");
            return 0;
        }, ct));
        return new Command("children", "Children's records.") { export };
    }
}
