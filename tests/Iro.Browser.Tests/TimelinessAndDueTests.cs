using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>The timeliness page's lateness reasons and the reviews due list, in Chromium.</summary>
public sealed class TimelinessAndDueTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Saving_a_lateness_reason_on_the_timeliness_page_is_accepted_and_saved()
    {
        // Ivy Reid (N1) was reviewed on 27 June 2024, so her next review was due by 27 December 2024: 20 January is late.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var ivy = db.Children.Single(c => c.LocalId == "N1");
            db.Reviews.Add(new Review { ChildId = ivy.Id, HeldOn = new DateOnly(2025, 1, 20), Participation = ParticipationCode.PN1 });
            await db.SaveChangesAsync();
        }

        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/reviews/timeliness?year=2024-25");
        var row = page.Locator("#late-reviews tbody tr").Filter(new() { HasText = "Ivy Reid" });
        Assert.Contains("Not recorded", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // "Other" needs details: the error summary, and nothing saved.
        await row.Locator("summary").ClickAsync();
        await row.GetByLabel("Why was it late?").SelectOptionAsync(new SelectOptionValue { Label = "Other reason" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Save reason" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("Enter details of the other reason", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        row = page.Locator("#late-reviews tbody tr").Filter(new() { HasText = "Ivy Reid" });
        await row.GetByLabel("Why was it late?").SelectOptionAsync(new SelectOptionValue { Label = "IRO unavailable" });
        await row.GetByLabel("Details (optional unless other)").FillAsync("IRO on leave");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save reason" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Contains("The reason for lateness has been saved.", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        row = page.Locator("#late-reviews tbody tr").Filter(new() { HasText = "Ivy Reid" });
        Assert.Contains("IRO unavailable: IRO on leave", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reviews_due_and_timeliness_pages_have_no_serious_accessibility_findings()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/reviews/due");
        Assert.Contains("Not booked", await page.Locator("#reviews-due").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/reviews/due?booking=booked");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/reviews/timeliness?year=2026-27");
        Assert.Contains("–", await page.Locator("#timeliness-table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
