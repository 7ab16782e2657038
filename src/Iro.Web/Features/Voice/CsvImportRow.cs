using System.Globalization;
using System.Text;
using CsvHelper;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.Voice;

/// <summary>
/// One data row of a spreadsheet import, read by column name, with the field checks the child's-voice imports
/// share. Each check adds an error naming the file, row, column and value to <see cref="Errors"/>.
/// </summary>
public sealed class CsvImportRow(string file, int number, string[] fields, IReadOnlyDictionary<string, int> index, DateOnly today)
{
    /// <summary>The file line, counting the header as row 1, as a spreadsheet shows it.</summary>
    public int Number => number;

    public List<ImportError> Errors { get; } = [];

    public string Field(string column) => index[column] < fields.Length ? fields[index[column]] : "";

    public void Error(string column, string message) => Errors.Add(new ImportError(file, number, column, Field(column), message));

    public string Required(string column, string what)
    {
        var value = Field(column);
        if (value.Length == 0) Error(column, $"{what} is required");
        return value;
    }

    /// <summary>A date written YYYY-MM-DD, not in the future; null when blank (an error when required) or invalid.</summary>
    public DateOnly? Date(string column, bool required = false)
    {
        var value = Field(column);
        if (value.Length == 0)
        {
            if (required) Error(column, "a date written YYYY-MM-DD is required");
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(column, required ? "must be a date written YYYY-MM-DD" : "must be a date written YYYY-MM-DD, or blank");
            return null;
        }

        if (date > today) Error(column, "is in the future");
        return date;
    }

    /// <summary>A date that may not be before an earlier one of the same row.</summary>
    public void NotBefore(string column, DateOnly? date, string earlierColumn, DateOnly? earlier)
    {
        if (date is not null && earlier is not null && date < earlier) Error(column, $"is before {earlierColumn}");
    }

    /// <summary>
    /// Reads the header (checked by <see cref="CsvImportHeader.Index"/>) and the non-blank rows; null after adding
    /// the error when the header is wrong.
    /// </summary>
    public static List<CsvImportRow>? ReadAll(string file, string text, IReadOnlyList<string> columns, DateOnly today, List<ImportError> errors)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true });
        var header = csv.Read() ? Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList() : null;
        if (CsvImportHeader.Index(file, header, columns, errors) is not { } index) return null;
        var rows = new List<CsvImportRow>();
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
            if (fields.All(f => f.Length == 0)) continue;
            rows.Add(new CsvImportRow(file, (int)csv.LineNumber, fields, index, today));
        }

        if (rows.Count == 0) errors.Add(new ImportError(file, 0, "", "", "the file has a header but no data rows"));
        return rows;
    }
}
