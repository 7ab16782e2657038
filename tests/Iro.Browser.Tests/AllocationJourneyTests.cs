using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed class AllocationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_child_is_allocated_from_the_queue_with_a_suggestion_then_reallocated_with_a_reason()
    {
        await SeedChildAsync("BR1", new DateOnly(2026, 11, 24));
        var page = await app.SignedInPageAsync(AccessScenario.Support);
        await page.GotoAsync("/allocations");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Allocate an IRO to Test BR1" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/BR1/allocate");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var suggested = await page.Locator("label[for='Officer']").InnerTextAsync();
        Assert.Contains("Suggested", suggested, StringComparison.OrdinalIgnoreCase);
        await page.Locator("#Officer").CheckAsync();
        await page.Locator("#Date").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/BR1");
        // Wide tables are wrapped in a scrolling region by script, so the history is found by its caption.
        // The tag may be shown in capitals, so the name is the label's text before it.
        var first = suggested[..suggested.IndexOf("Suggested", StringComparison.OrdinalIgnoreCase)].Trim();
        await page.GetByRole(AriaRole.Table, new() { Name = "IRO history" }).GetByText(first).WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the IRO" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/BR1/reallocate");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Workload").CheckAsync();
        await page.Locator("#Officer-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the IRO" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/BR1");
        await page.GetByRole(AriaRole.Table, new() { Name = "IRO history" }).GetByText("Workload").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_agency_coordinator_allocates_an_agency_referral()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Coordinator);
        await page.GotoAsync("/allocations");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Allocate an IRO to Ivy Reid" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/N1/allocate");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(0, await page.GetByText("Ada Lovelace").CountAsync());
        await page.Locator("#Officer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/N1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var allocation = await db.IroAllocations.AsNoTracking().Include(a => a.ReviewingOfficer).SingleAsync(a => a.Child!.LocalId == "N1");
        Assert.Equal(AccessScenario.Northwind, allocation.ReviewingOfficer!.Agency);
    }

    private async Task SeedChildAsync(string id, DateOnly lookedAfterFrom)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var child = new Child { LocalId = id, FirstName = "Test", LastName = id, DateOfBirth = new DateOnly(2016, 2, 2), Sex = Sex.F, Ethnicity = Ethnicity.WBRI };
        child.Episodes.Add(new CareEpisode
        {
            Start = lookedAfterFrom, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1,
        });
        db.Children.Add(child);
        await db.SaveChangesAsync();
    }
}
