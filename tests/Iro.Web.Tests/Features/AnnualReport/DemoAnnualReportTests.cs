using System.Text.RegularExpressions;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Features.AnnualReport;
using Iro.Web.Tests.Features.Lists;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>The demo borough's report for its last complete year: linked from the manager's home page, every section filled, publishable.</summary>
public sealed partial class DemoAnnualReportTests(DemoBoroughSqliteApp app) : IClassFixture<DemoBoroughSqliteApp>
{
    [Fact]
    public async Task The_managers_home_page_links_to_the_last_complete_years_report_and_every_section_has_content()
    {
        var manager = await app.ClientForRoleAsync(Roles.Manager);
        var home = await manager.GetStringAsync("/");
        var link = AnnualReportLink().Match(home);
        Assert.True(link.Success, "no annual report link on the home page");
        Assert.Equal("/reports/annual?year=2025-26", System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
        var page = await manager.GetStringAsync(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Contains("Children told us that they want to know their IRO", page, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<AnnualReportBook>();
        var year = new ReportingYear(2025);
        var edition = await book.FindAsync(year, CancellationToken.None);
        Assert.NotNull(edition);
        var sections = ReportLayout.Sections(await book.FiguresAsync(year, CancellationToken.None), edition);
        foreach (var section in sections)
        {
            Assert.True(section.Paragraphs.Count + section.Tables.Count > 0, $"section {section.Title} is empty");
            Assert.DoesNotContain(section.Paragraphs, p => p == NarrativeLayout.NotWritten || p.StartsWith("No case studies", StringComparison.Ordinal));
            foreach (var table in section.Tables)
                Assert.True(table.Rows.Any(r => r.Value is > 0), $"table {table.Caption} in {section.Title} has no figures");
        }

        var figures = await scope.ServiceProvider.GetRequiredService<AnnualReportQuery>().RunAsync(year, CancellationToken.None);
        Assert.Empty(AnnualReportChecks.For(figures, edition.KeyMessages));
    }

    [GeneratedRegex("id=\"annual-report-link\" href=\"([^\"]+)\"")]
    private static partial Regex AnnualReportLink();
}
