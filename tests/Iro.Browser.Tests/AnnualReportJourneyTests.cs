using System.Text.RegularExpressions;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>A manager drafts the year's report, writes its key messages and priorities, previews, publishes and downloads it.</summary>
public sealed class AnnualReportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string KeyMessage = "Children told us they want to keep the same IRO.";

    [Fact]
    public async Task A_manager_drafts_edits_previews_publishes_and_downloads_the_report()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/reports/annual?year=2024-25");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertChartsHaveTextAndTablesAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the 2024-25 draft" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/reports/annual/edit?year=2024-25");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A priority without its rating is refused with an error summary.
        await page.GetByLabel("Priority 1", new() { Exact = true }).FillAsync("Every child meets their IRO before the first review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("Select the progress on priority 1: red, amber or green").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Key messages").FillAsync(KeyMessage);
        await page.Locator("#Status1-3").CheckAsync();
        await page.GetByLabel("What happened on priority 1").FillAsync("Almost every child did.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await page.GetByText("The draft has been saved").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The preview is the report as it will be published.
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview the draft as it will be published" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/reports/annual/preview?year=2024-25");
        await page.GetByText(KeyMessage).WaitForAsync();
        await page.GetByText(new Regex("Every child meets their IRO before the first review — Green")).WaitForAsync();
        // The preview is the standalone report file, without the app's layout: its last section ends it.
        await Accessibility.AssertNoSeriousViolationsAsync(page, "h2:has-text(\"Next year's priorities\")");
        await AssertChartsHaveTextAndTablesAsync(page);

        await page.GotoAsync("/reports/annual?year=2024-25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the 2024-25 report" }).ClickAsync();
        await page.Locator("#status").GetByText(new Regex("^Published on")).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The download shows its progress, then offers the file.
        await page.GetByRole(AriaRole.Button, new() { Name = "Word document" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, new Regex("/reports/annual/downloads/[0-9a-f-]+$"));
        await page.Locator("#download-state").GetByText("Your report is ready").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-file").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"annual-report-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal("iro-annual-report-2024-25.docx", download.SuggestedFilename);
        Assert.Empty(LetterDocumentTests.ValidationErrors(bytes));
        var text = LetterDocumentTests.Text(bytes);
        Assert.Contains(KeyMessage, text, StringComparison.Ordinal);
        Assert.Contains("Every child meets their IRO before the first review — Green (achieved or on track): Almost every child did.", text, StringComparison.Ordinal);
    }

    /// <summary>Every chart is an image with a text alternative, and its figures are in a table beside it.</summary>
    private static async Task AssertChartsHaveTextAndTablesAsync(IPage page)
    {
        foreach (var chart in await page.Locator("svg:not([aria-hidden='true']):not(header svg):not(footer svg)").AllAsync())
        {
            var label = await chart.GetAttributeAsync("aria-label") ?? await chart.EvaluateAsync<string>(
                "svg => (svg.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ') || svg.querySelector('title')?.textContent || ''");
            Assert.False(string.IsNullOrWhiteSpace(label), "a chart without a text alternative");
            Assert.True(await chart.Locator("xpath=following::table[1]").CountAsync() == 1, "a chart without its table");
        }
    }
}
