using System.Net;
using System.Text.RegularExpressions;
using Iro.Web.Features.Reporting;
using Iro.Web.Tests.Infrastructure;
using Iro.Web.Tests.Timetable;
using static Iro.Web.Tests.Features.Lists.ListPages;

namespace Iro.Web.Tests.Reporting;

/// <summary>Each report model, rendered as its page and as its CSV download, shows the same rows in the same order.</summary>
public abstract partial class ReportRenderingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TimetableApp
{
    private async Task<string> GetAsync(string path, string user = AccessScenario.Manager)
    {
        var client = await app.ClientForAsync(user);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData(AccessScenario.Manager)]
    [InlineData(AccessScenario.IroAda)]
    public async Task Reviews_due_page_and_csv_have_the_same_children_and_statuses(string user)
    {
        var html = await GetAsync("/reviews/due", user);
        var page = RowsOf(html, "reviews-due")
            .Select(row => (
                Child: DataChild().Match(row).Groups[1].Value,
                Status: StatusTag().Matches(row).Select(m => m.Groups[1].Value).Single(tag => DueListStatusText.All.Any(s => s.Label == tag))))
            .ToList();
        var csv = CsvRows(await GetAsync("/reviews/due?handler=csv", user))
            .Select(f => (Child: f[0], Status: DueListStatusText.All.Single(s => s.Slug == f[4]).Label))
            .ToList();
        Assert.NotEmpty(csv);
        Assert.Equal(csv, page);
    }

    [Fact]
    public async Task Timeliness_page_and_csv_have_the_same_months_and_late_reviews()
    {
        var html = await GetAsync("/reviews/timeliness?year=2022-23");
        var csv = CsvRows(await GetAsync("/reviews/timeliness?year=2022-23&handler=csv"));

        var pageMonths = RowsOf(html, "timeliness-table")
            .Select(row => (Month: DataMonth().Match(row).Groups[1].Value, Figures: NumericCells(row).Take(2).ToArray()))
            .Select(m => $"{m.Month}:{string.Join('/', m.Figures)}");
        var csvMonths = csv.Where(f => f[0] is "month" or "total")
            .Select(f => $"{(f[0] == "total" ? "total" : f[1])}:{f[2]}/{f[3]}");
        Assert.Equal(csvMonths, pageMonths);

        var pageLate = RowsOf(html, "late-reviews")
            .Select(row => $"{ChildLinks(row).Single()}:{NumericCells(row).Single()}");
        var csvLate = csv.Where(f => f[0] == "late_review").Select(f => $"{f[5]}:{f[9]}").ToList();
        Assert.NotEmpty(csvLate);
        Assert.Equal(csvLate, pageLate);
    }

    /// <summary>The body rows of the table with the given id.</summary>
    private static IEnumerable<string> RowsOf(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"No table {tableId}");
        var body = html[html.IndexOf("<tbody", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return body.Split("<tr", StringSplitOptions.RemoveEmptyEntries).Skip(1);
    }

    private static IEnumerable<string> NumericCells(string row) =>
        NumericCell().Matches(row).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim());

    [GeneratedRegex("data-child=\"([^\"]+)\"")]
    private static partial Regex DataChild();

    [GeneratedRegex("data-month=\"([^\"]+)\"")]
    private static partial Regex DataMonth();

    [GeneratedRegex("<strong class=\"govuk-tag [^\"]+\">([^<]+)</strong>")]
    private static partial Regex StatusTag();

    [GeneratedRegex("<td class=\"govuk-table__cell govuk-table__cell--numeric\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex NumericCell();
}

public sealed class ReportRenderingSqliteTests(TimetableSqliteApp app) : ReportRenderingTests<TimetableSqliteApp>(app);

public sealed class ReportRenderingPostgresTests(TimetablePostgresApp app) : ReportRenderingTests<TimetablePostgresApp>(app);
