using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>The app on a 375 px wide phone: a collapsed menu, and nothing wider than the screen.</summary>
public sealed class SmallScreenTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int PhoneWidth = 375;

    private async Task<IPage> PhonePageAsync(string email)
    {
        var page = await app.SignedInPageAsync(email);
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        return page;
    }

    private static Task<int> DocumentWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");

    /// <summary>The elements that stick out past the right of the screen, to say what made a page too wide.</summary>
    private static Task<string> TooWideAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement.closest('.app-table-scroll'))
                .slice(-5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join('; ')
            """);

    [Fact]
    public async Task On_a_phone_the_navigation_is_a_collapsed_menu_that_opens_and_closes()
    {
        var page = await PhonePageAsync(AccessScenario.Manager);
        await page.GotoAsync("/children");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var timeliness = page.Locator("#navigation").GetByRole(AriaRole.Link, new() { Name = "Timeliness" });
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(timeliness).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(timeliness).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await toggle.ClickAsync();
        await Assertions.Expect(timeliness).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_wide_tables_scroll_inside_their_container_and_the_page_fits_the_screen()
    {
        var page = await PhonePageAsync(AccessScenario.Manager);
        foreach (var url in new[] { "/children", "/reviews/due", "/reviews/timeliness", "/children/A1", "/children/A1/reviews", "/iros", "/oversight" })
        {
            await page.GotoAsync(url);
            await page.Locator("footer.govuk-footer").WaitForAsync();
            Assert.True(await DocumentWidthAsync(page) <= PhoneWidth, $"{url} is {await DocumentWidthAsync(page)} px wide on a {PhoneWidth} px screen: {await TooWideAsync(page)}");
            var tables = page.Locator("main table");
            for (var i = 0; i < await tables.CountAsync(); i++)
            {
                var region = tables.Nth(i).Locator("xpath=..");
                Assert.Equal("region", await region.GetAttributeAsync("role"));
                Assert.Equal("0", await region.GetAttributeAsync("tabindex"));
                Assert.False(string.IsNullOrWhiteSpace(await region.GetAttributeAsync("aria-label")), $"{url}: table {i} has an unlabelled scroll region");
            }

            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_very_long_unbroken_string_wraps_instead_of_widening_the_page()
    {
        int reviewId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var review = await db.Reviews.FirstAsync(r => r.Child!.LocalId == "A1");
            review.Venue = new string('W', ReviewTextLimits.Venue);
            review.Decisions.Add(new ReviewDecision
            {
                What = new string('W', ReviewTextLimits.Decision), PersonName = "Sam Carer", PersonRole = "Foster carer", DueBy = new DateOnly(2026, 12, 18),
            });
            await db.SaveChangesAsync();
            reviewId = review.Id;
        }

        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        foreach (var width in new[] { 1024, PhoneWidth })
        {
            await page.SetViewportSizeAsync(width, 740);
            await page.GotoAsync($"/children/A1/reviews/{reviewId}");
            await page.Locator("footer.govuk-footer").WaitForAsync();
            Assert.Contains(new string('W', 100), await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await DocumentWidthAsync(page) <= width, $"The review page is {await DocumentWidthAsync(page)} px wide on a {width} px screen: {await TooWideAsync(page)}");
            var decisionsWidth = await page.Locator("#decision-list").EvaluateAsync<int>("table => table.scrollWidth");
            Assert.True(decisionsWidth <= 2 * width, $"The decisions table is {decisionsWidth} px wide on a {width} px screen");
        }

        await page.Context.CloseAsync();
    }
}
