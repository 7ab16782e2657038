using System.Globalization;
using System.Text;
using CsvHelper;
using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.Feedback;

/// <summary>
/// Imports children's consultation returns kept in a spreadsheet
/// (received_on,child,age_group,life_getting_better,knows_iro,can_contact_iro,feels_listened_to). Every row is
/// validated first; any error means nothing is written.
/// <para>
/// Returns may be anonymous and two children may give the same answers on the same day, so no column identifies
/// a return. Importing the same file again must still change nothing, so rows are matched by all their values as a
/// multiset: for each distinct set of values, the import adds only as many returns as the file has beyond those
/// already stored with the same values. A file with three identical rows over a database holding one such
/// return adds two; importing it again adds none.
/// </para>
/// </summary>
public sealed class ImportFeedback(IroDbContext db, BulkImportWriter writer, TimeProvider clock)
{
    public const string AuditAction = "ImportFeedback";

    public static readonly string[] Columns =
        ["received_on", "child", "age_group", "life_getting_better", "knows_iro", "can_contact_iro", "feels_listened_to"];

    /// <summary>One valid row; <see cref="Child"/> is the 903 CHILD, empty for an anonymous return.</summary>
    public sealed record Row(
        int Number, DateOnly ReceivedOn, string Child, FeedbackAgeGroup? AgeGroup,
        FeedbackAnswer? LifeGettingBetter, FeedbackAnswer? KnowsIro, FeedbackAnswer? CanContactIro, FeedbackAnswer? FeelsListenedTo);

    public sealed record Result(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>What makes two returns the same for the import.</summary>
    private readonly record struct Values(
        DateOnly ReceivedOn, int? ChildId, FeedbackAgeGroup? AgeGroup,
        FeedbackAnswer? LifeGettingBetter, FeedbackAnswer? KnowsIro, FeedbackAnswer? CanContactIro, FeedbackAnswer? FeelsListenedTo);

    public async Task<Result> ImportAsync(string path, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return new Result(0, 0, [new ImportError(file, 0, "", "", $"file '{path}' does not exist")]);

        var (rows, errors) = Parse(file, await File.ReadAllTextAsync(path, ct), clock.ServiceToday());
        var childIds = rows.Select(r => r.Child).Where(c => c.Length > 0).Distinct().ToList();
        var children = await db.Children.Where(c => childIds.Contains(c.LocalId)).ToDictionaryAsync(c => c.LocalId, c => c.Id, ct);
        foreach (var row in rows.Where(r => r.Child.Length > 0 && !children.ContainsKey(r.Child)))
            errors.Add(new ImportError(file, row.Number, "child", row.Child, "no child with this ID (load the children's 903 return first, or leave it empty for an anonymous return)"));
        if (errors.Count > 0) return new Result(0, 0, [.. errors.OrderBy(e => e.Row)]);

        var incoming = rows.Select(r => new Values(
            r.ReceivedOn, r.Child.Length == 0 ? null : children[r.Child], r.AgeGroup, r.LifeGettingBetter, r.KnowsIro, r.CanContactIro, r.FeelsListenedTo)).ToList();
        var dates = incoming.Select(v => v.ReceivedOn).Distinct().ToList();
        var stored = (await db.FeedbackReturns.AsNoTracking().Where(f => dates.Contains(f.ReceivedOn)).ToListAsync(ct))
            .Select(f => new Values(f.ReceivedOn, f.ChildId, f.AgeGroup, f.LifeGettingBetter, f.KnowsIro, f.CanContactIro, f.FeelsListenedTo))
            .CountBy(v => v).ToDictionary();

        var added = new List<FeedbackReturn>();
        foreach (var values in incoming)
        {
            if (stored.TryGetValue(values, out var left) && left > 0)
            {
                stored[values] = left - 1;
                continue;
            }

            added.Add(new FeedbackReturn
            {
                ReceivedOn = values.ReceivedOn, ChildId = values.ChildId, AgeGroup = values.AgeGroup, LifeGettingBetter = values.LifeGettingBetter,
                KnowsIro = values.KnowsIro, CanContactIro = values.CanContactIro, FeelsListenedTo = values.FeelsListenedTo,
                CreatedByName = $"Imported from {file}",
            });
        }

        await writer.AddAsync(file, AuditAction, added, ct);

        return new Result(added.Count, rows.Count - added.Count, []);
    }

    /// <summary>Parses and checks every row that needs no database: dates, age groups and answers.</summary>
    public static (List<Row> Rows, List<ImportError> Errors) Parse(string file, string text, DateOnly today)
    {
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true });
        var header = csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList() : null;
        if (CsvImportHeader.Index(file, header, Columns, errors) is not { } index) return (rows, errors);
        while (csv.Read())
        {
            // Row numbers are file lines, counting the header as row 1, as a spreadsheet shows them.
            var number = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
            if (fields.All(f => f.Length == 0)) continue;
            var rowErrors = new List<ImportError>();
            string Field(string column) => index[column] < fields.Length ? fields[index[column]] : "";
            void Error(string column, string message) => rowErrors.Add(new ImportError(file, number, column, Field(column), message));
            FeedbackAnswer? Answer(string column)
            {
                if (FeedbackWords.TryAnswer(Field(column), out var answer)) return answer;
                Error(column, "must be yes, no, not sure, or empty");
                return null;
            }

            DateOnly? receivedOn = null;
            if (!DateOnly.TryParseExact(Field("received_on"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Error("received_on", "a date written YYYY-MM-DD is required");
            else if (date > today) Error("received_on", "is in the future");
            else receivedOn = date;

            if (!FeedbackWords.TryAgeGroup(Field("age_group"), out var ageGroup)) Error("age_group", "must be under8, 8-11, 11-18, or empty");
            var row = new Row(
                number, receivedOn ?? default, Field("child"), ageGroup,
                Answer("life_getting_better"), Answer("knows_iro"), Answer("can_contact_iro"), Answer("feels_listened_to"));
            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else rows.Add(row);
        }

        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(file, 0, "", "", "the file has a header but no feedback rows"));
        return (rows, errors);
    }
}
