using System.Globalization;
using System.Text;
using CsvHelper;
using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// Imports escalations kept in a spreadsheet, for a council moving onto the service
/// (child,iro_email,raised_on,themes,highest_level,resolved_on,outcome,cafcass_referred_on). Every row is
/// validated first, against the configured levels and themes and the children and IROs already loaded; any
/// error means nothing is written. An escalation is known by its child, IRO and date raised: one already
/// there is left as it is, so importing the same file again changes nothing.
/// </summary>
public sealed class ImportEscalations(
    IroDbContext db, BankHolidayCalendar calendar, IOptions<EscalationOptions> options, BulkImportWriter writer, TimeProvider clock)
{
    public const string AuditAction = "ImportEscalations";

    public static readonly string[] Columns =
        ["child", "iro_email", "raised_on", "themes", "highest_level", "resolved_on", "outcome", "cafcass_referred_on"];

    /// <summary>What the imported escalation says in place of the concern and the request, which a spreadsheet rarely holds.</summary>
    public static string ImportedConcern(string file) => $"Imported from {file}: the concern was not recorded in the spreadsheet.";

    public const string ImportedActionRequested = "Not recorded in the spreadsheet.";

    public const string ImportedCafcassReason = "Referral recorded in the imported spreadsheet.";

    /// <summary>One valid row, before its child and IRO are looked up.</summary>
    public sealed record Row(
        int Number, string Child, string IroEmail, DateOnly RaisedOn, IReadOnlyList<string> Themes, string Level,
        DateOnly? ResolvedOn, EscalationOutcome? Outcome, DateOnly? CafcassReferredOn);

    public sealed record Result(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Result> ImportAsync(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return new Result(0, 0, [new ImportError(file, 0, "", "", $"file '{path}' does not exist")]);

        var today = clock.ServiceToday();
        var (rows, errors) = Parse(file, await File.ReadAllTextAsync(path, ct), options.Value, today);

        var childIds = rows.Select(r => r.Child).Distinct().ToList();
        var children = await db.Children.Where(c => childIds.Contains(c.LocalId)).ToDictionaryAsync(c => c.LocalId, c => c.Id, ct);
        var emails = rows.Select(r => r.IroEmail.ToLowerInvariant()).Distinct().ToList();
        var officers = (await db.ReviewingOfficers.Where(o => emails.Contains(o.Email.ToLower())).Select(o => new { o.Email, o.Id }).ToListAsync(ct))
            .ToDictionary(o => o.Email, o => o.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!children.ContainsKey(row.Child)) errors.Add(new ImportError(file, row.Number, "child", row.Child, "no child with this ID (load the children's 903 return first)"));
            if (!officers.ContainsKey(row.IroEmail)) errors.Add(new ImportError(file, row.Number, "iro_email", row.IroEmail, "no IRO with this email (import the IROs first)"));
        }

        if (errors.Count > 0) return new Result(0, 0, [.. errors.OrderBy(e => e.Row)]);

        var keys = rows.Select(r => (Child: children[r.Child], Officer: officers[r.IroEmail], r.RaisedOn)).ToList();
        var keyChildren = keys.Select(k => k.Child).Distinct().ToList();
        var existing = (await db.Escalations.Where(e => keyChildren.Contains(e.ChildId)).Select(e => new { e.ChildId, e.RaisedByOfficerId, e.RaisedOn }).ToListAsync(ct))
            .Select(e => (Child: e.ChildId, Officer: e.RaisedByOfficerId, e.RaisedOn))
            .ToHashSet();

        var workingDays = await calendar.GetAsync(ct);
        var added = new List<Escalation>();
        foreach (var (row, key) in rows.Zip(keys))
        {
            if (existing.Contains(key)) continue;
            added.Add(ToEscalation(row, key.Child, key.Officer, file, workingDays, today));
        }

        await writer.AddAsync(file, AuditAction, added, ct);

        return new Result(added.Count, rows.Count - added.Count, []);
    }

    /// <summary>
    /// Parses and checks every row that needs no database: dates, configured themes and levels, outcomes, the
    /// order of the dates and repeated escalations within the file.
    /// </summary>
    public static (List<Row> Rows, List<ImportError> Errors) Parse(string file, string text, EscalationOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true });
        var header = csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList() : null;
        if (CsvImportHeader.Index(file, header, Columns, errors) is not { } index) return (rows, errors);
        var seen = new Dictionary<(string, string, DateOnly), int>();
        while (csv.Read())
        {
            // Row numbers are file lines, counting the header as row 1, as a spreadsheet shows them.
            var number = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
            if (fields.All(f => f.Length == 0)) continue;
            var rowErrors = new List<ImportError>();
            string Field(string column) => index[column] < fields.Length ? fields[index[column]] : "";
            void Error(string column, string message) => rowErrors.Add(new ImportError(file, number, column, Field(column), message));
            DateOnly? Date(string column, bool optional)
            {
                var value = Field(column);
                if (value.Length == 0)
                {
                    if (!optional) Error(column, "a date written YYYY-MM-DD is required");
                    return null;
                }

                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Error(column, optional ? "must be a date written YYYY-MM-DD, or blank" : "must be a date written YYYY-MM-DD");
                    return null;
                }

                if (date > today) Error(column, "is in the future");
                return date;
            }

            var child = Field("child");
            if (child.Length == 0) Error("child", "the child's ID (903 CHILD) is required");
            var email = Field("iro_email");
            if (email.Length == 0) Error("iro_email", "the IRO's email is required");
            var raisedOn = Date("raised_on", optional: false);

            var themes = Field("themes").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknownThemes = themes.Where(t => options.Theme(t) is null).ToList();
            if (themes.Length == 0) Error("themes", "at least one theme is required (separate several with ;)");
            else if (unknownThemes.Count > 0)
                Error("themes", $"unknown theme '{string.Join("', '", unknownThemes)}'; use the key or label of a configured theme: " + string.Join(", ", options.EffectiveThemes.Select(t => t.Key)));

            var level = LevelByKeyOrLabel(options, Field("highest_level"));
            if (level is null) Error("highest_level", "must be a configured level: " + string.Join(", ", options.EffectiveLevels.Select(l => l.Key)));

            var resolvedOn = Date("resolved_on", optional: true);
            if (resolvedOn is not null && raisedOn is not null && resolvedOn < raisedOn) Error("resolved_on", "is before raised_on");

            EscalationOutcome? outcome = null;
            var outcomeText = Field("outcome");
            if (outcomeText.Length > 0)
            {
                if (Enum.TryParse<EscalationOutcome>(outcomeText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(outcomeText, out _))
                    outcome = parsed;
                else
                    Error("outcome", "must be one of " + string.Join(", ", Enum.GetNames<EscalationOutcome>()) + ", or blank while open");
            }

            if (outcomeText.Length > 0 && Field("resolved_on").Length == 0) Error("resolved_on", "an outcome needs the date it was resolved");
            if (outcomeText.Length == 0 && Field("resolved_on").Length > 0) Error("outcome", "a resolved escalation needs its outcome");

            var cafcassOn = Date("cafcass_referred_on", optional: true);
            if (cafcassOn is not null && raisedOn is not null && cafcassOn < raisedOn) Error("cafcass_referred_on", "is before raised_on");

            if (rowErrors.Count == 0 && seen.TryGetValue((child, email.ToLowerInvariant(), raisedOn!.Value), out var firstRow))
                Error("raised_on", $"the same child, IRO and date raised appear already on row {firstRow}");

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            seen[(child, email.ToLowerInvariant(), raisedOn!.Value)] = number;
            rows.Add(new Row(number, child, email, raisedOn.Value, [.. themes.Select(t => options.Theme(t)!.Key).Distinct()], level!.Key, resolvedOn, outcome, cafcassOn));
        }

        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(file, 0, "", "", "the file has a header but no escalation rows"));
        return (rows, errors);
    }

    /// <summary>One stage at the highest level reached, raised on the escalation's date, resolved and referred as the row says.</summary>
    private Escalation ToEscalation(Row row, int childId, int officerId, string file, IWorkingDayCalendar workingDays, DateOnly today)
    {
        var level = options.Value.Level(row.Level)!;
        var escalation = Escalation.Start(
            new EscalationStart(childId, officerId, ImportedConcern(file), ImportedActionRequested, row.Themes,
                new StageAddressee(level.Key, RecipientOf(level), RecipientOf(level), row.RaisedOn)),
            options.Value, workingDays, today);
        escalation.CreatedByName = $"Imported from {file}";
        if (row.Outcome is { } outcome) escalation.Resolve(outcome, row.ResolvedOn!.Value, null, today);
        if (row.CafcassReferredOn is { } referredOn) escalation.ReferToCafcass(referredOn, ImportedCafcassReason, today);
        return escalation;
    }

    private static string RecipientOf(EscalationLevel level) => string.IsNullOrWhiteSpace(level.Recipient) ? level.Label : level.Recipient;

    private static EscalationLevel? LevelByKeyOrLabel(EscalationOptions options, string keyOrLabel) =>
        options.Level(keyOrLabel)
        ?? options.EffectiveLevels.FirstOrDefault(l => string.Equals(l.Label, keyOrLabel, StringComparison.OrdinalIgnoreCase));
}
