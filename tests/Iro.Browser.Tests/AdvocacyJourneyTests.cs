using System.Text.RegularExpressions;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed class AdvocacyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_iro_records_an_advocacy_referral_from_a_review_and_a_manager_sees_the_summary()
    {
        int reviewId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            reviewId = await db.Reviews.Where(r => r.Child!.LocalId == "A1").Select(r => r.Id).FirstAsync();
        }

        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync($"/children/A1/reviews/{reviewId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Refer for advocacy" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, new Regex(@"/children/A1/advocacy/new\?reviewId=\d+$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A mistake first: the form comes back with the error summary and nothing saved.
        await page.GetByLabel("Hours of advocacy (optional)").FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Hours of advocacy (optional)").FillAsync("2.5");
        await page.GetByLabel("Choice of placement").CheckAsync();
        await page.GetByLabel("Advocacy provider (optional)").FillAsync("Coram Voice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/advocacy");
        await page.Locator("#advocacy-referrals").GetByText("Choice of placement").WaitForAsync();
        await page.Locator("#advocacy-referrals").GetByText("Coram Voice").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var manager = await app.SignedInPageAsync(AccessScenario.Manager);
        await manager.GotoAsync("/voice");
        await manager.Locator("svg[role=img]").First.WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(manager);
        await manager.GotoAsync("/advocacy");
        await manager.Locator("#open-referrals").GetByText("Choice of placement").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(manager);
    }
}
