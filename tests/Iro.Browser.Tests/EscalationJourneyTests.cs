using System.Text.RegularExpressions;
using Iro.Domain.Escalations;
using Iro.Web.Data;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

public sealed class EscalationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_iro_raises_an_escalation_takes_it_to_the_head_of_service_and_resolves_it_and_the_manager_sees_an_overdue_one()
    {
        var page = await app.SignedInPageAsync(AccessScenario.IroAda);
        await page.GotoAsync("/children/A1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Raise it from the child record, informally first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise an escalation" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/children/A1/escalations/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the escalation" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("What is the concern?").FillAsync("Amara's SDQ has not been completed this year.");
        await page.GetByLabel("What are you asking for?").FillAsync("Complete the SDQ before the next review.");
        await page.GetByLabel("SDQ not completed").CheckAsync();
        await page.GetByLabel(new Regex("^Informal")).CheckAsync();
        await page.GetByLabel("Name of the person it is addressed to").FillAsync("Sam Social");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the escalation" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, new Regex(@"/children/A1/escalations/\d+$"));
        var escalationUrl = page.Url;
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The response.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a response" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("The response").FillAsync("The social worker has no date for the SDQ yet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the response" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, escalationUrl);
        await page.Locator("#stages").GetByText("The social worker has no date for the SDQ yet.", new() { Exact = false }).WaitForAsync();

        // Escalated to the next level, then bypassed past the service manager to the head of service.
        await page.GetByRole(AriaRole.Button, new() { Name = "Take it further" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel(new Regex("^Escalate to Team manager")).CheckAsync();
        await page.GetByLabel("Name of the person it is addressed to").FillAsync("Tess Manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take it further" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, escalationUrl);
        await page.Locator("#stages").GetByText("Escalated to Team manager").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Take it further" }).ClickAsync();
        await page.GetByLabel(new Regex("^Bypass to Head of service")).CheckAsync();
        await page.GetByLabel("Name of the person it is addressed to").FillAsync("Hana Head");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take it further" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, escalationUrl);
        await page.Locator("#stages").GetByText("Bypassed to Head of service").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The notice to the head of service.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-notice").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"notice-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Empty(LetterDocumentTests.ValidationErrors(bytes));
        var notice = LetterDocumentTests.Text(bytes);
        Assert.Contains("To: Hana Head, Head of service", notice, StringComparison.Ordinal);
        Assert.Contains("Amara Khan, child ID A1", notice, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Print-friendly notice" }).ClickAsync();
        await page.Locator("#notice-to").GetByText("To: Hana Head, Head of service").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync(escalationUrl);

        // Resolved with a compromise.
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Compromise reached").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve the escalation" }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, escalationUrl);
        await page.Locator("#escalation-status").GetByText("Compromise reached", new() { Exact = false }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();

        await ManagerSeesAnOverdueEscalationAsync();
    }

    /// <summary>An escalation whose service manager has not answered for weeks is at the top of the manager's list, overdue.</summary>
    private async Task ManagerSeesAnOverdueEscalationAsync()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var raisedOn = new DateOnly(2026, 10, 5);
            db.Escalations.Add(new Escalation
            {
                ChildId = db.Children.Single(c => c.LocalId == "D1").Id,
                RaisedByOfficerId = db.ReviewingOfficers.Single(o => o.Name == "Dev Patel").Id,
                RaisedOn = raisedOn, Concern = "No school place for Leo", ActionRequested = "Find a school place",
                Themes = [new EscalationThemeTag { Key = "Education" }],
                Stages = [new EscalationStage { Sequence = 1, Level = "ServiceManager", RecipientName = "Sol Service", RecipientRole = "Service manager", RaisedOn = raisedOn, ResponseDueOn = new DateOnly(2026, 10, 12) }],
            });
            await db.SaveChangesAsync();
        }

        var page = await app.SignedInPageAsync(AccessScenario.Manager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Escalations", Exact = true }).ClickAsync();
        await BrowserApp.WaitForPageAsync(page, "**/escalations");
        var first = page.Locator("#open-escalations tbody tr").First;
        Assert.Equal("D1", await first.GetAttributeAsync("data-child"));
        Assert.Contains("Due 12 Oct 2026", await first.Locator("[data-clock=stage]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Overdue", (await first.Locator("[data-clock=stage] .govuk-tag").InnerTextAsync()).Trim());
        Assert.Equal("Overdue", (await first.Locator("[data-clock=total] .govuk-tag").InnerTextAsync()).Trim());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
