using CsvHelper;

namespace Iro.Web.Features.Timetable;

/// <summary>A download as CSV (RFC 4180 quoting, UTF-8, LF line endings), written by CsvHelper.</summary>
public static class CsvFile
{
    public const string ContentType = "text/csv";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", Separator = ',' }, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows) csv.WriteRecord([.. row.Select(f => f ?? "")]);
            csv.Flush();
        }

        return stream.ToArray();
    }
}
