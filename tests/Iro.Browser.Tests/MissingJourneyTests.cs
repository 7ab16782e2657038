using Iro.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed class MissingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_iro_adds_a_missing_episode_and_records_the_return_home_interview()
    {
        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync("/children/A1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Missing and return home interviews" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/missing");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an episode" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/missing/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the episode" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Missing from placement").CheckAsync();
        await TypeDateAsync(page, "Start", 20, 11, 2026);
        await TypeDateAsync(page, "End", 21, 11, 2026);
        await page.GetByLabel("Time the child returned").FillAsync("18:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the episode" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/missing");
        await page.Locator("#missing-episodes").GetByText("Awaiting interview").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record interview" }).First.ClickAsync();
        await page.Locator("#interview-status").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await TypeDateAsync(page, "OfferedOn", 22, 11, 2026);
        await TypeDateAsync(page, "CompletedOn", 23, 11, 2026);
        await page.GetByLabel("Time the interview was completed").FillAsync("10:00");
        await page.GetByLabel("Who carried out the interview").FillAsync("Jo Worker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the interview" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/missing");
        await page.Locator("#missing-episodes").GetByText("Within 72 hours").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/missing");
        await page.Locator("#missing-figures").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private static async Task TypeDateAsync(IPage page, string field, int day, int month, int year)
    {
        await page.Locator($"#{field}").FillAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-month").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
