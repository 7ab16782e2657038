using Iro.Web.Data;
using Iro.Web.Tests.Features.Lists;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>The lists at more than a page: children, oversight and its data-quality view, IROs and home.</summary>
public sealed class ListsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>Thirty more of Ada's children, once per app, so the children list runs to two pages.</summary>
    private async Task EnsureTwoPagesOfChildrenAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            if (!await db.Children.AnyAsync(c => c.LocalId == "X01")) await BusyServiceApp.AddChildrenAsync(db);
        }
        finally
        {
            Seeding.Release();
        }
    }

    [Fact]
    public async Task Children_list_page_2_shows_different_children_and_a_title_without_error()
    {
        await EnsureTwoPagesOfChildrenAsync();
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/children");
        var firstPage = await page.Locator("table tbody").InnerTextAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of children" }).GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children?page=2");
        var secondPage = await page.Locator("table tbody").InnerTextAsync();

        Assert.NotEqual(firstPage, secondPage);
        Assert.Contains("Zz30", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Zz30", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("2", (await page.Locator(".govuk-pagination__item--current").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Oversight_its_data_quality_view_the_iros_and_home_pages_are_accessible()
    {
        await EnsureTwoPagesOfChildrenAsync();
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/oversight");
        Assert.Contains("30", await page.Locator("#records-count").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of records of review overdue" }).GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/oversight?records=2");
        Assert.Equal(5, await page.Locator("#records-table tbody tr").CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Older overdue items (data quality)" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/oversight?view=older");
        Assert.Equal("Older overdue items", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/iros");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();

        var iro = await app.SignedInPageAsync(AccessScenario.IroAda);
        Assert.Equal("31", (await iro.Locator("#looked-after-today").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(iro);
        await iro.GotoAsync("/children");
        Assert.Contains("31", await iro.Locator("#result-count").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(iro);
        await iro.Context.CloseAsync();
    }
}
