using System.Globalization;
using System.Reflection;
using System.Text;
using Iro.Ssda903;

namespace Iro.Bench;

/// <summary>
/// Writes everything a read and a validation produced (every row's cells and parsed dates, every finding in order)
/// as text, so that two builds' results for the same files can be compared byte for byte (<c>cmp</c>).
/// </summary>
internal static class Ssda903Dump
{
    public static void Write(string path, Ssda903ReadResult read, IReadOnlyList<Finding> validation)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("# sources");
        foreach (var (table, source) in read.Sources.OrderBy(s => s.Key))
        {
            writer.WriteLine(FormattableString.Invariant($"{table}\t{source}"));
        }

        writer.WriteLine("# reading findings");
        foreach (var finding in read.Findings)
        {
            WriteFinding(writer, finding);
        }

        foreach (var table in Ssda903Schema.Tables)
        {
            writer.WriteLine(FormattableString.Invariant($"# {table}"));
            foreach (var row in read.Return.Rows(table))
            {
                writer.Write(row.RowNumber.ToString(CultureInfo.InvariantCulture));
                foreach (var cell in row.RawValues())
                {
                    writer.Write('\t');
                    writer.Write(cell ?? "<null>");
                }

                foreach (var date in DateProperties(row.GetType()))
                {
                    var value = (Ssda903Date)date.GetValue(row)!;
                    writer.Write(FormattableString.Invariant($"\t{value.Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}{(value.IsPartial ? "p" : string.Empty)}"));
                }

                writer.WriteLine();
            }
        }

        writer.WriteLine("# validation findings");
        foreach (var finding in validation)
        {
            WriteFinding(writer, finding);
        }
    }

    private static void WriteFinding(StreamWriter writer, Finding finding) =>
        writer.WriteLine(FormattableString.Invariant($"{finding}\t{finding.Child}\t{finding.Source}\t{finding.RowNumber}\t{string.Join('|', finding.Values)}"));

    private static readonly Dictionary<Type, PropertyInfo[]> Dates = [];

    private static PropertyInfo[] DateProperties(Type type)
    {
        if (!Dates.TryGetValue(type, out var properties))
        {
            Dates[type] = properties = [.. type.GetProperties().Where(p => p.PropertyType == typeof(Ssda903Date)).OrderBy(p => p.Name, StringComparer.Ordinal)];
        }

        return properties;
    }
}
