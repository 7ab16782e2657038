using System.Globalization;
using Iro.Web.Features.Reporting;
using MiniExcelLibs;

namespace Iro.Web.Features.Agencies;

/// <summary>
/// The agency activity as a table (the CSV download) and as an Excel workbook with one sheet per month, named
/// <c>yyyy-MM</c>, holding the same columns less the month. Figures are plain numbers.
/// </summary>
public static class AgencyActivityReport
{
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string MonthFormat = "yyyy-MM";

    public static ReportTable Table(IEnumerable<AgencyActivityQuery.Row> rows) => ReportTable.Of(
        rows,
        new ReportColumn<AgencyActivityQuery.Row>("month", r => r.Month.ToString(MonthFormat, CultureInfo.InvariantCulture)),
        new("agency", r => r.Agency),
        new("iro", r => r.Officer),
        new("iro_email", r => r.Email),
        new("reviews_chaired", r => r.ReviewsChaired),
        new("midway_reviews", r => r.MidwayReviews),
        new("children_allocated_at_month_end", r => r.ChildrenAllocatedAtMonthEnd));

    /// <summary>A sheet for every month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>, empty months included.</summary>
    public static byte[] Workbook(IReadOnlyList<AgencyActivityQuery.Row> rows, DateOnly firstMonth, DateOnly lastMonth)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var inMonth = rows.Where(r => r.Month == month).ToList();
            var table = Table(inMonth);
            var columns = table.Columns.Skip(1).ToList();
            // The header row is written even for a month without rows.
            var data = new System.Data.DataTable(month.ToString(MonthFormat, CultureInfo.InvariantCulture)) { Locale = CultureInfo.InvariantCulture };
            foreach (var column in columns) data.Columns.Add(column, typeof(object));
            foreach (var row in table.Rows) data.Rows.Add([.. row.Skip(1)]);
            sheets[data.TableName] = data;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
