using Iro.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed class FindAChildTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_signs_in_searches_for_a_child_and_opens_the_record()
    {
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Email address").FillAsync(AccessScenario.Manager);
        await page.GetByLabel("Password").FillAsync(AccessScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, app.BaseUrl.TrimEnd('/') + "/");
        Assert.Equal("5", (await page.Locator("#looked-after-today").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Children", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Name or child ID").FillAsync("Hussain");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children?q=Hussain**");
        Assert.Contains("1", await page.Locator("#result-count").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zara Hussain" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/AB1");
        Assert.Equal("Zara Hussain", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Ben Okri", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_accessible_error_summary()
    {
        var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(AccessScenario.Manager);
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_iro_sees_only_their_own_children_and_the_iro_pages_are_accessible()
    {
        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync("/children");
        var table = await page.Locator("table").InnerTextAsync();
        Assert.Contains("Amara Khan", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Osei", table, StringComparison.Ordinal);
        await page.GotoAsync("/iros");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/iros/*");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
