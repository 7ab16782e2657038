using System.Net;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>The annual report page over the access scenario: figures for everyone who may see service figures, publishing for managers.</summary>
public abstract class AnnualReportPageTests(IroAppFactory app)
{
    private const string Page = "/reports/annual?year=2024-25";

    [Fact]
    public async Task An_analyst_reads_the_numbered_sections_and_no_child_is_named()
    {
        var client = await app.ClientForAsync(AccessScenario.Analyst);

        var html = await client.GetStringAsync(Page);

        Assert.Contains("1. Key messages", html, StringComparison.Ordinal);
        Assert.Contains("Table 1: IROs in post at 31 March", html, StringComparison.Ordinal);
        Assert.Contains("Draft: the figures are computed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish\"", html, StringComparison.Ordinal);
        foreach (var name in new[] { "Amara", "Khan", "Osei", "Zara", "Hussain" })
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IRO_may_not_open_the_report_and_an_analyst_may_not_publish_it()
    {
        var iro = await app.ClientForAsync(AccessScenario.IroAda);
        var response = await iro.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        var publish = await ReviewForms.PostAsync(analyst, "/reports/annual?handler=Publish&year=2024-25", new Dictionary<string, string> { ["year"] = "2024-25" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.StartsWith("/access-denied", publish.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("Draft: the figures are computed", await analyst.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_publishes_the_report_and_it_then_says_so()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);

        var publish = await ReviewForms.PostAsync(manager, "/reports/annual?handler=Publish&year=2023-24", new Dictionary<string, string> { ["year"] = "2023-24" });

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var html = await manager.GetStringAsync("/reports/annual?year=2023-24");
        Assert.Contains("Its figures are frozen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish\"", html, StringComparison.Ordinal);
    }
}

public sealed class AnnualReportPageSqliteTests(SqliteApp app) : AnnualReportPageTests(app), IClassFixture<SqliteApp>;
