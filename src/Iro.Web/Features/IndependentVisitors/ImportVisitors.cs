using Iro.Domain.Voice;
using Iro.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.IndependentVisitors;

/// <summary>
/// Imports children's needs for an independent visitor kept in a spreadsheet (child,needed_on,matched_on,ended_on).
/// Every row is validated first; any error means nothing is written. A need is known by its child and the date
/// it was identified: one already stored, even one deleted since, is left as it is, so importing the same file
/// again changes nothing.
/// </summary>
public sealed class ImportVisitors(VoiceImport import)
{
    public const string AuditAction = "ImportVisitors";

    public static readonly string[] Columns = ["child", "needed_on", "matched_on", "ended_on"];

    public sealed record Row(int Number, string Child, DateOnly NeededOn, DateOnly? MatchedOn, DateOnly? EndedOn);

    public async Task<VoiceImportResult> ImportAsync(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return VoiceImportResult.Failed([new ImportError(file, 0, "", "", $"file '{path}' does not exist")]);
        var (rows, errors) = Parse(file, await File.ReadAllTextAsync(path, ct), import.Today);
        var children = await import.ChildrenAsync(file, rows.Select(r => (r.Number, r.Child)), errors, ct);
        if (errors.Count > 0) return VoiceImportResult.Failed(errors);

        var childKeys = children.Values.ToList();
        var stored = (await import.Db.IndependentVisitors.IgnoreQueryFilters().Where(v => childKeys.Contains(v.ChildId))
                .Select(v => new { v.ChildId, v.NeededOn }).ToListAsync(ct))
            .Select(v => (v.ChildId, v.NeededOn)).ToHashSet();
        var added = rows.Where(r => !stored.Contains((children[r.Child], r.NeededOn)))
            .Select(r => new IndependentVisitor
            {
                ChildId = children[r.Child], NeededOn = r.NeededOn, MatchedOn = r.MatchedOn, EndedOn = r.EndedOn, CreatedByName = $"Imported from {file}",
            }).ToList();
        await import.AddAsync(file, AuditAction, added, ct);
        return new VoiceImportResult(added.Count, rows.Count - added.Count, []);
    }

    public static (List<Row> Rows, List<ImportError> Errors) Parse(string file, string text, DateOnly today)
    {
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var row in CsvImportRow.ReadAll(file, text, Columns, today, errors) ?? [])
        {
            var child = row.Required("child", "the child's ID (903 CHILD)");
            var neededOn = row.Date("needed_on", required: true);
            var matchedOn = row.Date("matched_on");
            var endedOn = row.Date("ended_on");
            row.NotBefore("matched_on", matchedOn, "needed_on", neededOn);
            row.NotBefore("ended_on", endedOn, "needed_on", neededOn);
            row.NotBefore("ended_on", endedOn, "matched_on", matchedOn);
            if (row.Errors.Count == 0 && seen.TryGetValue((child, neededOn!.Value), out var first))
                row.Error("needed_on", $"the same child and date the need was identified appear already on row {first}");
            if (row.Errors.Count > 0)
            {
                errors.AddRange(row.Errors);
                continue;
            }

            seen[(child, neededOn!.Value)] = row.Number;
            rows.Add(new Row(row.Number, child, neededOn.Value, matchedOn, endedOn));
        }

        return (rows, errors);
    }
}
