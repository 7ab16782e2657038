using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The report as an Excel workbook: one sheet per section with its tables (this year, last year, change and the
/// share with its numerator and denominator), and a "Figures" sheet listing every figure of the report by its JSON
/// path, so an analyst can check the workbook against the JSON figure by figure.
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string FiguresSheet = "Figures";

    public static byte[] Build(JsonObject report, IReadOnlyList<ReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sections);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        var tableNumber = 0;
        foreach (var section in sections.Where(s => s.Tables.Count > 0))
        {
            var rows = new List<Dictionary<string, object?>>();
            foreach (var table in section.Tables)
            {
                tableNumber++;
                rows.AddRange(table.Rows.Select(row => new Dictionary<string, object?>
                {
                    ["Table"] = $"Table {tableNumber}: {table.Caption}",
                    ["Row"] = row.Label,
                    ["This year"] = row.Value,
                    ["Previous year"] = row.PreviousValue,
                    ["Change"] = row.Change,
                    ["Share"] = row.Note,
                }));
            }

            sheets[SheetName(section)] = rows;
        }

        sheets[FiguresSheet] = Flatten(report).Select(f => new Dictionary<string, object?> { ["Path"] = f.Path, ["Value"] = f.Value }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>Every number and text of the report JSON by path ("reviews.monthly[0].held"), in document order.</summary>
    public static IEnumerable<(string Path, object? Value)> Flatten(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                    foreach (var leaf in Flatten(value, path.Length == 0 ? key : $"{path}.{key}")) yield return leaf;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var leaf in Flatten(array[i], $"{path}[{i}]")) yield return leaf;
                break;
            case JsonValue value when value.TryGetValue<decimal>(out var number):
                yield return (path, number);
                break;
            case JsonValue value:
                yield return (path, value.ToString());
                break;
            default:
                yield return (path, null);
                break;
        }
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(ReportSection section)
    {
        var name = $"{section.Number} {section.Title}";
        foreach (var c in @":\/?*[]") name = name.Replace(c, ' ');
        return name.Length <= 31 ? name : name[..31];
    }
}
