using System.Globalization;
using System.Text;
using CsvHelper;
using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.Caseloads;

/// <summary>
/// Imports IRO allocations (child,iro_email,from,to and an optional reason), for a council moving onto the
/// service. A change of IRO is a new row whose <c>from</c> is the previous row's <c>to</c>. Every row is checked
/// first: the child and IRO must be known, the IRO in post throughout the allocation, and the child's history
/// with the file's rows merged in must keep the allocation rules (<see cref="AllocationHistory.Problems"/>); any
/// error means nothing is written. A row identical to a stored allocation is skipped, so importing the same file
/// again changes nothing; a row that conflicts with a stored allocation is an error naming both.
/// </summary>
public sealed class ImportAllocations(IroDbContext db, BulkImportWriter writer)
{
    public static readonly string[] Columns = ["child", "iro_email", "from", "to"];
    public const string ReasonColumn = "reason";
    public const string AuditAction = "ImportAllocations";

    /// <summary>One row that parsed, before its child and IRO are looked up.</summary>
    public sealed record Row(int Number, string Child, string IroEmail, DateOnly From, DateOnly? To, string? Reason, string FromText, string ToText);

    public sealed record Result(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    private sealed record Officer(int Id, string Email, DateOnly StartDate, DateOnly? EndDate);

    public async Task<Result> ImportAsync(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return new Result(0, 0, [new ImportError(file, 0, "", "", $"file '{path}' does not exist")]);
        var (rows, errors) = Parse(file, await File.ReadAllTextAsync(path, ct));

        var childIds = rows.Select(r => r.Child).Distinct().ToList();
        var children = await db.Children.Where(c => childIds.Contains(c.LocalId)).Select(c => new { c.LocalId, c.Id }).ToDictionaryAsync(c => c.LocalId, c => c.Id, ct);
        var emails = rows.Select(r => r.IroEmail.ToLowerInvariant()).Distinct().ToList();
        var officers = (await db.ReviewingOfficers.Where(o => emails.Contains(o.Email.ToLower()))
                .Select(o => new Officer(o.Id, o.Email, o.StartDate, o.EndDate)).ToListAsync(ct))
            .ToDictionary(o => o.Email, StringComparer.OrdinalIgnoreCase);
        var known = new List<(Row Row, int ChildId, Officer Officer)>();
        foreach (var row in rows)
        {
            var rowErrors = new List<ImportError>();
            if (!children.TryGetValue(row.Child, out var childId))
                rowErrors.Add(new ImportError(file, row.Number, "child", row.Child, "no child with this ID (load the children's 903 return first)"));
            if (!officers.TryGetValue(row.IroEmail, out var officer))
                rowErrors.Add(new ImportError(file, row.Number, "iro_email", row.IroEmail, "no IRO with this email (import the IROs first)"));
            else rowErrors.AddRange(InPostProblems(file, row, officer));
            if (rowErrors.Count == 0) known.Add((row, childId, officer!));
            errors.AddRange(rowErrors);
        }

        // Every IRO's email, to name the stored allocation a row conflicts with.
        var emailsById = await db.ReviewingOfficers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Email, ct);
        var added = new List<IroAllocation>();
        var alreadyPresent = 0;
        foreach (var child in known.GroupBy(k => k.ChildId))
        {
            var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == child.Key).ToListAsync(ct);
            var stored = await db.IroAllocations.AsNoTracking().Where(a => a.ChildId == child.Key).OrderBy(a => a.From)
                .Select(a => new AllocationSpan(a.ReviewingOfficerId, a.From, a.To)).ToListAsync(ct);
            var storedSet = stored.ToHashSet();
            var fresh = child.Where(k => !storedSet.Contains(Span(k))).ToList();
            alreadyPresent += child.Count() - fresh.Count;
            var history = stored.Concat(fresh.Select(Span)).ToList();
            foreach (var problem in AllocationHistory.Problems(history, PeriodsOfCare.From(episodes)).Where(p => p.Index >= stored.Count).DistinctBy(p => (p.Index, p.Field, p.Message)))
            {
                var (row, _, _) = fresh[problem.Index - stored.Count];
                var conflicts = stored.Where(s => AllocationHistory.Overlap(s, history[problem.Index])).ToList();
                var message = char.ToLowerInvariant(problem.Message[0]) + problem.Message[1..];
                if (problem.Message.Contains("overlap", StringComparison.Ordinal) && conflicts.Count > 0)
                    message += ": conflicts with the stored allocation " + string.Join("; ", conflicts.Select(s => Describe(s, emailsById)));
                errors.Add(new ImportError(file, row.Number, problem.Field, problem.Field == "to" ? row.ToText : row.FromText, message));
            }

            added.AddRange(fresh.Select(k => new IroAllocation
            {
                ChildId = k.ChildId, ReviewingOfficerId = k.Officer.Id, From = k.Row.From, To = k.Row.To, ReasonForChange = k.Row.Reason,
            }));
        }

        if (errors.Count > 0) return new Result(0, 0, [.. errors.OrderBy(e => e.Row)]);
        await writer.AddAsync(file, AuditAction, added, ct);

        return new Result(added.Count, alreadyPresent, []);

        static AllocationSpan Span((Row Row, int ChildId, Officer Officer) k) => new(k.Officer.Id, k.Row.From, k.Row.To);
    }

    /// <summary>The IRO must be in post on the first day and, if they have left, the allocation must end by their leaving date.</summary>
    private static IEnumerable<ImportError> InPostProblems(string file, Row row, Officer officer)
    {
        if (!FteHistory.InPostOn(officer.StartDate, officer.EndDate, row.From))
            yield return new ImportError(file, row.Number, "from", row.FromText,
                $"the IRO {officer.Email} is not in post on this date (in post from {officer.StartDate:yyyy-MM-dd}{(officer.EndDate is { } end ? $" until they left on {end:yyyy-MM-dd}" : "")})");
        else if (officer.EndDate is { } left && (row.To is null || row.To > left))
            yield return new ImportError(file, row.Number, "to", row.ToText,
                $"the IRO {officer.Email} left on {left:yyyy-MM-dd}: the allocation must end on or before that date");
    }

    private static string Describe(AllocationSpan span, Dictionary<int, string> emailsById) =>
        $"{(emailsById.TryGetValue(span.OfficerId, out var email) ? email : $"IRO {span.OfficerId}")} from {span.From:yyyy-MM-dd} to {(span.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(open)")}";

    /// <summary>Parses the file and checks what needs no database: required fields, date format, <c>to</c> after <c>from</c>.</summary>
    public static (List<Row> Rows, List<ImportError> Errors) Parse(string file, string text)
    {
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true });
        var header = csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList() : null;
        var hasReason = header?.Any(h => h.Trim().TrimStart('\uFEFF').Equals(ReasonColumn, StringComparison.OrdinalIgnoreCase)) == true;
        if (CsvImportHeader.Index(file, header, hasReason ? [.. Columns, ReasonColumn] : Columns, errors) is not { } index) return (rows, errors);
        while (csv.Read())
        {
            // Row numbers are file lines, counting the header as row 1, as a spreadsheet shows them.
            var number = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
            if (fields.All(f => f.Length == 0)) continue;
            var rowErrors = new List<ImportError>();
            string Field(string column) => index.TryGetValue(column, out var at) && at < fields.Length ? fields[at] : "";
            void Error(string column, string message) => rowErrors.Add(new ImportError(file, number, column, Field(column), message));
            DateOnly? Date(string column, bool optional)
            {
                var value = Field(column);
                if (value.Length == 0)
                {
                    if (!optional) Error(column, "a date written YYYY-MM-DD is required");
                    return null;
                }

                if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                Error(column, optional ? "must be a date written YYYY-MM-DD, or blank while the allocation is open" : "must be a date written YYYY-MM-DD");
                return null;
            }

            var child = Field("child");
            if (child.Length == 0) Error("child", "the child's ID (903 CHILD) is required");
            var email = Field("iro_email");
            if (email.Length == 0) Error("iro_email", "the IRO's email is required");
            var from = Date("from", optional: false);
            var to = Date("to", optional: true);
            if (from is not null && to is not null && to <= from) Error("to", "must be after from (an allocation covers from up to the day before to)");
            var reason = Field(ReasonColumn);
            if (reason.Length > 200) Error(ReasonColumn, "must be at most 200 characters");

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            rows.Add(new Row(number, child, email, from!.Value, to, reason.Length == 0 ? null : reason, Field("from"), Field("to")));
        }

        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(file, 0, "", "", "the file has a header but no allocation rows"));
        return (rows, errors);
    }
}
