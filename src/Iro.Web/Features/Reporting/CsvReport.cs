using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Reporting;

/// <summary>Which line ending a download has always had; both are read the same by spreadsheets.</summary>
public enum CsvLineEnding
{
    /// <summary>LF: the reviews due and timeliness downloads, and the command line on Linux.</summary>
    Lf,

    /// <summary>CRLF, as RFC 4180 writes it: the IRO caseloads and oversight lists.</summary>
    CrLf,
}

/// <summary>
/// The one CSV renderer: a <see cref="ReportTable"/> as RFC 4180 CSV through CsvHelper (UTF-8 without a byte
/// order mark, a header row, fields quoted only when they contain a comma, a quote or a line break).
/// Cells are written invariantly: ISO dates, 24-hour times, lower-case booleans, empty for no value.
/// </summary>
public static class CsvReport
{
    public const string ContentType = "text/csv";

    /// <summary>The table as a download named <paramref name="fileName"/>.</summary>
    public static FileContentResult File(ReportTable table, string fileName, CsvLineEnding lineEnding = CsvLineEnding.Lf) =>
        new(Write(table, lineEnding), ContentType) { FileDownloadName = fileName };

    public static byte[] Write(ReportTable table, CsvLineEnding lineEnding = CsvLineEnding.Lf)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options(lineEnding == CsvLineEnding.CrLf ? "\r\n" : "\n"), leaveOpen: true))
        {
            csv.WriteRecord([.. table.Columns]);
            foreach (var row in table.Rows) csv.WriteRecord([.. row.Select(Cell)]);
            csv.Flush();
        }

        return stream.ToArray();
    }

    /// <summary>The table to a text output (the command line), ending lines as the output does.</summary>
    public static async Task WriteAsync(TextWriter output, ReportTable table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        await using var csv = CsvWriter.Create(output, Options(output.NewLine), leaveOpen: true);
        await csv.WriteRecordAsync([.. table.Columns], ct);
        foreach (var row in table.Rows) await csv.WriteRecordAsync([.. row.Select(Cell)], ct);
        await csv.FlushAsync(ct);
    }

    /// <summary>How one cell is written; text is protected against formula injection (<see cref="Protect"/>).</summary>
    public static string? Cell(object? value) => value switch
    {
        null => null,
        string text => Protect(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula, so text
    /// that starts that way (a name or identifier typed or imported by anyone) is prefixed with a single quote,
    /// as OWASP recommends for CSV injection. Numbers and dates are written by the cases above and never prefixed.
    /// </summary>
    public static string Protect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
    }

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static CsvWriterOptions Options(string newLine) => new() { NewLine = newLine, Separator = ',' };
}
