using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Oversight;

/// <summary>A list as an RFC 4180 CSV download: a header row, then one row per item; ISO dates.</summary>
public static class CsvDownload
{
    public static FileContentResult File(string[] header, IEnumerable<string?[]> rows, string fileName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows) csv.WriteRecord(row);
        }

        return new FileContentResult(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv") { FileDownloadName = fileName };
    }

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
