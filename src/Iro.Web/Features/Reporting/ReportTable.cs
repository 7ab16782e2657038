namespace Iro.Web.Features.Reporting;

/// <summary>
/// A report's rows as a table: the column names (an interface of every download: keep names and order) and
/// one list of typed cell values per row. Renderers decide how a value is written (CSV today; Word and Excel
/// later), so a report defines its table once and every format shows the same rows.
/// </summary>
public sealed record ReportTable(IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>One row per item, one cell per column, in the columns' order.</summary>
    public static ReportTable Of<T>(IEnumerable<T> items, params IReadOnlyList<ReportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columns);
        return new ReportTable(
            [.. columns.Select(c => c.Name)],
            items.Select(item => (IReadOnlyList<object?>)[.. columns.Select(c => c.Value(item))]));
    }
}

/// <summary>A named column and how to read its cell from a row of the report (null for an empty cell).</summary>
public sealed record ReportColumn<T>(string Name, Func<T, object?> Value);
