using System.Net;
using System.Text.Json.Nodes;
using Iro.Web.Data;
using Iro.Web.Features.AnnualReport;
using Iro.Web.Tests.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>
/// Downloading the report starts producing the file and opens a page that shows its progress and refreshes itself,
/// then offers the file, to the person who asked for it only.
/// </summary>
public sealed class ReportDownloadTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_analyst_asks_for_the_report_sees_it_produced_then_downloads_it_and_nobody_else_can()
    {
        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        Assert.Contains("id=\"download-json\"", await analyst.GetStringAsync("/reports/annual?year=2024-25"), StringComparison.Ordinal);

        var asked = await ReviewForms.PostAsync(analyst, "/reports/annual/downloads", new Dictionary<string, string> { ["year"] = "2024-25", ["format"] = "json" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var progressPage = asked.Headers.Location!.OriginalString;
        Assert.Matches("^/reports/annual/downloads/[0-9a-f-]{36}$", progressPage);

        var html = await analyst.GetStringAsync(progressPage);
        for (var i = 0; i < 300 && !html.Contains("Your report is ready", StringComparison.Ordinal); i++)
        {
            // Until the file is ready the page says what is happening and refreshes itself.
            Assert.Contains("Producing the report", html, StringComparison.Ordinal);
            Assert.Contains("<meta http-equiv=\"refresh\" content=\"1\">", html, StringComparison.Ordinal);
            await Task.Delay(200);
            html = await analyst.GetStringAsync(progressPage);
        }

        Assert.Contains("Download iro-annual-report-2024-25.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        var file = await analyst.GetAsync(progressPage + "?handler=File");
        Assert.Equal("application/json", file.Content.Headers.ContentType!.MediaType);
        var report = JsonNode.Parse(await file.Content.ReadAsStringAsync())!;
        Assert.Equal("2024-25", (string)report["year"]!);

        var manager = await app.ClientForAsync(AccessScenario.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(progressPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(progressPage + "?handler=File")).StatusCode);
        var refused = await ReviewForms.PostAsync(analyst, "/reports/annual/downloads", new Dictionary<string, string> { ["year"] = "2024-25", ["format"] = "pdf" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_download_whose_producing_server_stopped_is_shown_as_failed_with_the_reason_not_left_in_progress()
    {
        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        var id = Guid.NewGuid();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As another instance leaves it when it stops mid-way: producing, its lease lapsed, no file.
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var analystId = await db.Users.Where(u => u.Email == AccessScenario.Analyst).Select(u => u.Id).SingleAsync();
            db.Add(new ReportDownload
            {
                Id = id, UserId = analystId, YearName = "2024-25", Format = "docx", RequestedUtc = now.AddMinutes(-2),
                Stage = ReportDownloadStage.Producing, LeaseExpiresUtc = now.AddSeconds(-1),
            });
            await db.SaveChangesAsync();
        }

        var html = await analyst.GetStringAsync($"/reports/annual/downloads/{id}");
        Assert.Contains("The report could not be produced", html, StringComparison.Ordinal);
        Assert.Contains("stopped before it finished", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/reports/annual/downloads/{id}?handler=File")).StatusCode);
    }
}
