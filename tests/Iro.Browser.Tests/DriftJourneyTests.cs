using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Drift;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed class DriftJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ReturnInterviewItem = $"li[data-rule='{DriftRuleKeys.ReturnInterview}']";

    [Fact]
    public async Task An_iro_puts_a_missed_return_interview_right_and_the_drift_item_goes()
    {
        // Returned on Thursday 12 November with no interview: the 72 hours ran out on the 15th, before today (the 27th).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var childId = await db.Children.Where(c => c.LocalId == "A1").Select(c => c.Id).SingleAsync();
            db.MissingEpisodes.Add(new MissingEpisode
            {
                ChildId = childId, Type = MissingType.M, Start = new DateOnly(2026, 11, 10), End = new DateOnly(2026, 11, 12),
                ReturnTime = new TimeOnly(9, 0), EnteredByHand = true,
            });
            await db.SaveChangesAsync();
        }

        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync("/drift");
        var item = page.Locator("#drift-table").Locator(ReturnInterviewItem);
        await item.GetByText("Missing 10 November 2026 to 12 November 2026").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await item.GetByRole(AriaRole.Link, new() { Name = "Record the interview" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/missing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record interview" }).First.ClickAsync();
        await page.Locator("#interview-status").WaitForAsync();
        await TypeDateAsync(page, "OfferedOn", 13, 11, 2026);
        await TypeDateAsync(page, "CompletedOn", 16, 11, 2026);
        await page.GetByLabel("Time the interview was completed").FillAsync("10:00");
        await page.GetByLabel("Who carried out the interview").FillAsync("Jo Worker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the interview" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/missing");
        await page.Locator("#missing-episodes").GetByText("Jo Worker").WaitForAsync();

        await page.GotoAsync("/drift");
        await page.Locator("#drift-count").WaitForAsync();
        Assert.Equal(0, await page.Locator(ReturnInterviewItem).CountAsync());
        await page.GotoAsync("/children/A1");
        await page.Locator("#drift").WaitForAsync();
        Assert.Equal(0, await page.Locator(ReturnInterviewItem).CountAsync());
    }

    [Fact]
    public async Task A_manager_sees_the_drift_list_and_the_voice_summary_charts()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/drift");
        await page.Locator("#drift-count").WaitForAsync();
        await page.Locator("#iro").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/voice");
        var charts = page.Locator("svg[role=img]");
        await charts.First.WaitForAsync();
        // Every chart has a text alternative, and the page gives the same figures in tables.
        foreach (var chart in await charts.AllAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(await chart.Locator(":scope > title").TextContentAsync()));
            Assert.Contains("The same figures are in the table", await chart.Locator(":scope > desc").TextContentAsync(), StringComparison.Ordinal);
        }

        await page.Locator("#voice-shares-table").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private static async Task TypeDateAsync(IPage page, string field, int day, int month, int year)
    {
        await page.Locator($"#{field}").FillAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-month").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
