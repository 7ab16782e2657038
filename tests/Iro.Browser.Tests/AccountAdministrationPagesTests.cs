using Iro.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>An administrator creates an account and disables it, each page passing the accessibility checks.</summary>
public sealed class AccountAdministrationPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_administrator_creates_an_account_then_disables_it()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Admin);
        await page.GotoAsync("/admin/accounts");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter an email address");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Email address").FillAsync("browser.analyst@test.example");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Bea Analyst");
        await page.GetByLabel("Performance analyst").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Account created");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/admin/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bea Analyst" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The account has been disabled.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable account" })).ToBeVisibleAsync();
    }
}
