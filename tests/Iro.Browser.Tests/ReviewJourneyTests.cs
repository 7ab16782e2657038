using System.Text.RegularExpressions;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed partial class ReviewJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_iro_books_records_decides_issues_the_letter_and_a_manager_sees_the_review()
    {
        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync("/children/A1/reviews");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Book.
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the next review" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await FillDateAsync(page, "Date", 2, 12, 2026);
        await page.GetByLabel("Virtual").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the review" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, ReviewUrl());
        Assert.Equal("Booked", (await page.Locator("#review-status").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Record, first with a participation code that does not fit the child's age.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await FillDateAsync(page, "HeldOn", 20, 11, 2026);
        await page.GetByLabel("Chair", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ada Lovelace" });
        await page.GetByLabel(PnLabel("PN0")).CheckAsync();
        await page.Locator("#SpokeToChildAlone").CheckAsync();
        await page.GetByLabel("Reason for lateness (only if the review was late)").SelectOptionAsync("ChildUnavailable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("PN0 is only for a child under 4", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel(PnLabel("PN1")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/decisions");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Decisions.
        await page.GetByLabel("What needs to happen").FillAsync("Book a dental check-up");
        await page.GetByLabel("Name of the person responsible").FillAsync("Sam Carer");
        await page.GetByLabel("Their role", new() { Exact = true }).FillAsync("Foster carer");
        await FillDateAsync(page, "DueBy", 18, 12, 2026);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the decision" }).ClickAsync();
        await page.Locator("#decisions").GetByText("Book a dental check-up").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The letter: issue it, then download it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the record of review letter" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("What's working well").FillAsync("You are settled and doing well at school.");
        await page.GetByLabel("What we are worried about").FillAsync("Seeing your brother less often.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the letter" }).ClickAsync();
        await page.Locator("#letter-status").GetByText("Issued 27 Nov 2026").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-docx").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Empty(LetterDocumentTests.ValidationErrors(bytes));
        Assert.Contains("Dear Amara,", LetterDocumentTests.Text(bytes), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Print-friendly letter" }).ClickAsync();
        Assert.Contains("Book a dental check-up", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/children/A1/oversight");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();

        await ManagerSeesTheHeldReviewAsync();
    }

    /// <summary>
    /// The manager's view of the review: the child's review list, the review with its record deadlines and audit
    /// trail, the oversight page, and the timeliness report, where this late review is counted and listed.
    /// </summary>
    private async Task ManagerSeesTheHeldReviewAsync()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/children/A1/reviews");
        var row = page.Locator("#reviews tbody tr").Filter(new() { HasText = "20 Nov 2026" });
        Assert.Contains("Held", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("PN1", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Issued 27 Nov 2026", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("On time", await page.Locator("#decisions-deadline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("On time", await page.Locator("#record-deadline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#audit-trail").IsVisibleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/oversight");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A1's previous review was in June 2024, so this one is late: it counts in November and is listed as late.
        await page.GotoAsync("/reviews/timeliness?year=2026-27");
        var november = page.Locator("table tr").Filter(new() { HasText = "November 2026" }).First;
        Assert.Matches(@"November 2026\s+1\s+0\s+0\.0%", await november.InnerTextAsync());
        var late = page.Locator("main").GetByRole(AriaRole.Row).Filter(new() { HasText = "Amara Khan" });
        Assert.Contains("20 Nov 2026", await late.First.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private static Regex PnLabel(string code) => new($"^{code}:");

    /// <summary>Types a date into a GOV.UK date input, found by its legend's group: day, month and year boxes.</summary>
    internal static async Task FillDateAsync(IPage page, string field, int day, int month, int year)
    {
        var group = page.GetByRole(AriaRole.Group).Filter(new() { Has = page.Locator($"#{field}") });
        await group.GetByLabel("Day").FillAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Regex ReviewUrl() => ReviewUrlPattern();

    [GeneratedRegex(@"/children/A1/reviews/\d+$")]
    private static partial Regex ReviewUrlPattern();
}
