using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>The review forms in Chromium: their buttons after a validation error, the GOV.UK date input, the warnings and confirmations.</summary>
public sealed class ReviewFormsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SaveDraft_after_a_validation_error_saves_a_draft_and_does_not_issue_the_letter()
    {
        var id = await HeldReviewAsync("A1");
        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync($"/children/A1/reviews/{id}/letter");

        // Issuing without "What we are worried about" is refused with the error summary.
        await page.GetByLabel("What's working well").FillAsync("You are settled at school.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the letter" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("Write what we are worried about", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The IRO writes more and saves a draft: the draft is saved and nothing is issued or sent.
        await page.GetByLabel("What we are worried about").FillAsync("Seeing your brother less often.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, $"**/children/A1/reviews/{id}/letter");
        Assert.Equal("Draft", (await page.Locator("#letter-status").InnerTextAsync()).Trim());
        var review = await ReviewAsync(id);
        Assert.Equal(("Seeing your brother less often.", null, null), (review.LetterWorries, review.RecordIssuedOn, review.DecisionsSentOn));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dates_are_typed_as_day_month_and_year_with_only_the_app_s_messages_and_late_bookings_are_warned_about()
    {
        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GotoAsync("/children/N1/reviews/plan");
        Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());
        await ReviewJourneyTests.FillDateAsync(page, "Date", 31, 2, 2027);
        await page.GetByLabel("Virtual").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the review" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Date of the review must be a real date", main, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", main, StringComparison.Ordinal);
        Assert.Equal("31", await page.Locator("#Date").InputValueAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The error summary links to the day box.
        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        Assert.Equal("Date", await page.EvaluateAsync<string>("document.activeElement.id"));

        // N1's review is long overdue: the booking is made, with a warning that it will be late.
        await ReviewJourneyTests.FillDateAsync(page, "Date", 15, 12, 2026);
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the review" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, new System.Text.RegularExpressions.Regex(@"/children/N1/reviews/\d+$"));
        Assert.Contains("the review will be late", await page.Locator("#late-warning").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Postponing to a past date is refused on the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Postpone or cancel" }).ClickAsync();
        await page.GetByLabel("Postpone to a new date").CheckAsync();
        await ReviewJourneyTests.FillDateAsync(page, "NewDate", 22, 11, 2026);
        await page.GetByLabel("Reason").FillAsync("Carer on holiday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("The date must be today or in the future", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deleting_a_decision_asks_for_confirmation_first()
    {
        var id = await HeldReviewAsync("A1");
        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync($"/children/A1/reviews/{id}/decisions");
        await page.GetByLabel("What needs to happen").FillAsync("Arrange a school visit");
        await page.GetByLabel("Name of the person responsible").FillAsync("Jo Smith");
        await page.GetByLabel("Their role", new() { Exact = true }).FillAsync("Social worker");
        await ReviewJourneyTests.FillDateAsync(page, "DueBy", 18, 12, 2026);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the decision" }).ClickAsync();
        await page.Locator("#decisions").GetByText("Arrange a school visit").WaitForAsync();

        await page.Locator("#decisions").GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Are you sure you want to delete this decision?" }).WaitForAsync();
        Assert.Contains("Arrange a school visit", await page.Locator("#decision-to-delete").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Single((await ReviewAsync(id)).Decisions);

        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the decision" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, $"**/children/A1/reviews/{id}/decisions");
        await page.GetByText("No decisions recorded yet.").WaitForAsync();
        Assert.Empty((await ReviewAsync(id)).Decisions);
        await page.Context.CloseAsync();
    }

    /// <summary>A review of the child held on 20 November 2026 and chaired by Ada, ready for decisions and the letter.</summary>
    private async Task<int> HeldReviewAsync(string childId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var child = await db.Children.SingleAsync(c => c.LocalId == childId);
        var ada = await db.ReviewingOfficers.SingleAsync(o => o.Email == AccessScenario.IroAda);
        var review = new Review { ChildId = child.Id, HeldOn = new DateOnly(2026, 11, 20), Status = ReviewStatus.Held, Participation = ParticipationCode.PN1, ChairId = ada.Id };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    private async Task<Review> ReviewAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Reviews.AsNoTracking().Include(r => r.Decisions).SingleAsync(r => r.Id == id);
    }
}
