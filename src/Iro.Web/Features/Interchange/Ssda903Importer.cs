using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Operations.Telemetry;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Imports a 903 return: everything is checked first (reading findings, the format library's validator and
/// <see cref="ImportChecks"/>); any error means nothing is written, warnings need to be accepted; then the
/// return is merged into the database in one transaction (<see cref="Ssda903Merge"/>).
/// </summary>
public sealed class Ssda903Importer(IroDbContext db, TimeProvider clock)
{
    /// <summary>Reads a folder of CSV files, one XML file, or the CSV files given.</summary>
    public static Ssda903ReadResult Read(IReadOnlyList<string> paths, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 1 && Directory.Exists(paths[0])) return Ssda903Reader.ReadDirectory(paths[0], year);
        if (paths.Count == 1 && paths[0].EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) return Ssda903Reader.ReadXmlFile(paths[0], year);
        return Ssda903Reader.ReadCsvFiles(paths, year);
    }

    /// <summary>
    /// Reads uploaded files: each is read from its staged path but named in findings as the user named it. One XML
    /// file is read with its length bounded by <paramref name="maxCharacters"/>.
    /// </summary>
    public static Ssda903ReadResult Read(IReadOnlyList<(string Path, string Name)> files, CollectionYear year, long maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Count == 1 && files[0].Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? Ssda903Reader.ReadXmlFile(files[0].Path, year, maxCharacters, files[0].Name)
            : Ssda903Reader.ReadCsvFiles(files, year);
    }

    /// <summary>Every finding about the return, each naming the file its table came from.</summary>
    public static IReadOnlyList<Finding> Check(Ssda903ReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var findings = new List<Finding>(read.Findings);
        using (IroTelemetry.ActivitySource.StartActivity("903 check: validator")) findings.AddRange(Ssda903Validator.Validate(read.Return, read.Return.Year));
        using (IroTelemetry.ActivitySource.StartActivity("903 check: import checks")) findings.AddRange(ImportChecks.Run(read.Return));
        return [.. findings.Select(f => f.Source is null && f.Table is { } table && read.Sources.TryGetValue(table, out var file) ? f with { Source = file } : f)];
    }

    public async Task<ImportOutcome> ImportAsync(
        Ssda903ReadResult read, string source, ImportUser user, bool acceptWarnings, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(user);
        var total = Ssda903Schema.Tables.Sum(t => read.Return.Rows(t).Count);
        progress?.Report(new ImportProgress(ImportStage.Validating, 0, total));
        var findings = Check(read);
        if (findings.Any(f => f.Severity == FindingSeverity.Error)) return new ImportOutcome(ImportStatus.Refused, findings, null);
        if (findings.Count > 0 && !acceptWarnings) return new ImportOutcome(ImportStatus.NeedsAcceptance, findings, null);

        var record = new Ssda903Import
        {
            YearStart = read.Return.Year.Start,
            Source = source.Length > 1000 ? source[..1000] : source,
            UserId = user.UserId,
            UserName = user.UserName,
            At = clock.GetUtcNow(),
            Warnings = findings.Count,
        };
        await new Ssda903Merge(db, read.Return, progress, total).RunAsync(record, ct);
        progress?.Report(new ImportProgress(ImportStage.Finished, total, total));
        return new ImportOutcome(ImportStatus.Imported, findings, record);
    }
}
