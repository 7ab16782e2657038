using System.Globalization;
using Iro.Domain.Voice;
using Iro.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.Advocacy;

/// <summary>
/// Imports advocacy referrals kept in a spreadsheet (child,referred_on,source,reasons,provider,started_on,
/// closed_on,hours). Every row is validated first; any error means nothing is written. A referral is known by
/// its child, date referred and source (a blank source is <c>Other</c>): one already stored, even one deleted
/// since, is left as it is, so importing the same file again changes nothing.
/// </summary>
public sealed class ImportAdvocacy(VoiceImport import, IOptions<VoiceOptions> options)
{
    public const string AuditAction = "ImportAdvocacy";

    public static readonly string[] Columns = ["child", "referred_on", "source", "reasons", "provider", "started_on", "closed_on", "hours"];

    private const int ProviderLength = 200;

    public sealed record Row(int Number, string Child, DateOnly ReferredOn, AdvocacySource Source, IReadOnlyList<string> Reasons,
        string? Provider, DateOnly? StartedOn, DateOnly? ClosedOn, decimal? Hours);

    public async Task<VoiceImportResult> ImportAsync(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return VoiceImportResult.Failed([new ImportError(file, 0, "", "", $"file '{path}' does not exist")]);
        var (rows, errors) = Parse(file, await File.ReadAllTextAsync(path, ct), options.Value, import.Today);
        var children = await import.ChildrenAsync(file, rows.Select(r => (r.Number, r.Child)), errors, ct);
        if (errors.Count > 0) return VoiceImportResult.Failed(errors);

        var childKeys = children.Values.ToList();
        var stored = (await import.Db.AdvocacyReferrals.IgnoreQueryFilters().Where(r => childKeys.Contains(r.ChildId))
                .Select(r => new { r.ChildId, r.ReferredOn, r.Source }).ToListAsync(ct))
            .Select(r => (r.ChildId, r.ReferredOn, r.Source)).ToHashSet();
        var added = rows.Where(r => !stored.Contains((children[r.Child], r.ReferredOn, r.Source)))
            .Select(r => new AdvocacyReferral
            {
                ChildId = children[r.Child], ReferredOn = r.ReferredOn, Source = r.Source, ReasonKeys = string.Join(';', r.Reasons),
                Provider = r.Provider, StartedOn = r.StartedOn, ClosedOn = r.ClosedOn, Hours = r.Hours, CreatedByName = $"Imported from {file}",
            }).ToList();
        await import.AddAsync(file, AuditAction, added, ct);
        return new VoiceImportResult(added.Count, rows.Count - added.Count, []);
    }

    /// <summary>Parses and checks every row that needs no database.</summary>
    public static (List<Row> Rows, List<ImportError> Errors) Parse(string file, string text, VoiceOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var seen = new Dictionary<(string, DateOnly, AdvocacySource), int>();
        foreach (var row in CsvImportRow.ReadAll(file, text, Columns, today, errors) ?? [])
        {
            var child = row.Required("child", "the child's ID (903 CHILD)");
            var referredOn = row.Date("referred_on", required: true);
            var source = Source(row);
            var reasons = Reasons(row, options);
            var provider = row.Field("provider");
            if (provider.Length > ProviderLength) row.Error("provider", $"must be at most {ProviderLength} characters");
            var startedOn = row.Date("started_on");
            var closedOn = row.Date("closed_on");
            row.NotBefore("started_on", startedOn, "referred_on", referredOn);
            row.NotBefore("closed_on", closedOn, "referred_on", referredOn);
            row.NotBefore("closed_on", closedOn, "started_on", startedOn);
            var hours = Hours(row);

            if (row.Errors.Count == 0 && seen.TryGetValue((child, referredOn!.Value, source!.Value), out var first))
                row.Error("referred_on", $"the same child, date referred and source appear already on row {first}");
            if (row.Errors.Count > 0)
            {
                errors.AddRange(row.Errors);
                continue;
            }

            seen[(child, referredOn!.Value, source!.Value)] = row.Number;
            rows.Add(new Row(row.Number, child, referredOn.Value, source.Value, reasons, provider.Length == 0 ? null : provider, startedOn, closedOn, hours));
        }

        return (rows, errors);
    }

    /// <summary>A source key (case-insensitive); blank is <c>Other</c>.</summary>
    private static AdvocacySource? Source(CsvImportRow row)
    {
        var value = row.Field("source");
        if (value.Length == 0) return AdvocacySource.Other;
        var match = Enum.GetValues<AdvocacySource>().Where(s => string.Equals(s.ToString(), value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 1) return match[0];
        row.Error("source", "must be one of " + string.Join(", ", Enum.GetNames<AdvocacySource>()) + ", or blank");
        return null;
    }

    /// <summary>Configured reasons by key or label (case-insensitive), separated by ';'; stored as keys.</summary>
    private static List<string> Reasons(CsvImportRow row, VoiceOptions options)
    {
        var given = row.Field("reasons").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = given.Where(r => options.AdvocacyReason(r) is null).ToList();
        if (unknown.Count > 0)
            row.Error("reasons", $"unknown reason '{string.Join("', '", unknown)}'; use the key or label of a configured reason: "
                + string.Join(", ", options.EffectiveAdvocacyReasons.Select(r => r.Key)));
        return [.. given.Select(options.AdvocacyReason).OfType<Domain.KeyedLabel>().Select(r => r.Key).Distinct()];
    }

    private static decimal? Hours(CsvImportRow row)
    {
        var value = row.Field("hours");
        if (value.Length == 0) return null;
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours <= 99999.99m
            && decimal.Round(hours, 2) == hours)
            return hours;
        row.Error("hours", "must be a number of hours such as 2.5 (at most two decimal places), or blank");
        return null;
    }
}
