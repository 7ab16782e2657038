using System.Net;
using System.Text.Json.Nodes;
using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Escalations;

/// <summary>
/// The figures page and its JSON for 2025-26 over the access scenario, with two escalations: A1's, raised by
/// Ada and resolved the same day; B1's, raised by Ben and still open.
/// </summary>
public abstract class FiguresPageTests(IroAppFactory app) : IAsyncLifetime
{
    private const string Year = "2025-26";
    private static readonly string[] ChildNames = ["Amara", "Khan", "Osei", "Zara", "Hussain", "Nowak", "Ivy Reid"];

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        if (await db.Escalations.AnyAsync(e => e.RaisedOn == new DateOnly(2025, 9, 1))) return;
        var options = new EscalationOptions();
        var today = new DateOnly(2026, 11, 27);
        foreach (var (child, officer, resolved) in new[] { ("A1", AccessScenario.IroAda, true), ("B1", AccessScenario.IroBen, false) })
        {
            var childId = await db.Children.Where(c => c.LocalId == child).Select(c => c.Id).SingleAsync();
            var officerId = await db.ReviewingOfficers.Where(o => o.Email == officer).Select(o => o.Id).SingleAsync();
            var escalation = Escalation.Start(
                new EscalationStart(childId, officerId, "Sibling contact not arranged", "Arrange contact", ["FamilyContact"],
                    new StageAddressee("TeamManager", "Claire Donovan", null, new DateOnly(2025, 9, 1))),
                options, WorkingDayCalendar.EnglandAndWales, today);
            if (resolved) escalation.Resolve(EscalationOutcome.Resolved, new DateOnly(2025, 9, 1), null, today);
            db.Escalations.Add(escalation);
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_analyst_sees_the_figures_with_the_chart_and_its_tables_and_no_child()
    {
        var client = await app.ClientForAsync(AccessScenario.Analyst);

        var response = await client.GetAsync($"/escalations/figures?year={Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Escalation figures", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"govuk-summary-list__value\" id=\"count\">2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"govuk-summary-list__value\" id=\"open\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"govuk-summary-list__value\" id=\"median\">0 working days</dd>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"by-highest-level\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"by-theme\"", html, StringComparison.Ordinal);
        foreach (var name in ChildNames) Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        foreach (var id in AccessScenario.ChildIds) Assert.DoesNotContain($">{id}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_the_same_figures_as_json()
    {
        var client = await app.ClientForAsync(AccessScenario.Analyst);

        var json = JsonNode.Parse(await client.GetStringAsync($"/api/v1/escalations/summary?year={Year}"))!;

        Assert.Equal(Year, (string?)json["year"]);
        Assert.Equal(2, (int)json["count"]!);
        Assert.Equal(1, (int)json["open"]!);
        Assert.Equal(2, (int)json["byHighestLevel"]!["TeamManager"]!);
        Assert.Equal(0, (int)json["byHighestLevel"]!["Director"]!);
        Assert.Equal(2, (int)json["byTheme"]!["FamilyContact"]!);
        Assert.Equal(0, (int)json["workingDaysToResolve"]!["median"]!);
        Assert.Equal(0, (int)json["cafcassReferrals"]!);
    }

    [Fact]
    public async Task A_year_that_cannot_be_read_is_a_bad_request_for_the_api_and_an_error_on_the_page()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/escalations/summary?year=2025")).StatusCode);
        var page = await client.GetStringAsync("/escalations/figures?year=2025");
        Assert.Contains("Enter a reporting year such as 2025-26", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccessScenario.IroAda)]
    [InlineData(AccessScenario.Coordinator)]
    public async Task Roles_without_service_figures_are_sent_to_access_denied_and_refused_by_the_api(string user)
    {
        var client = await app.ClientForAsync(user);

        var page = await client.GetAsync($"/escalations/figures?year={Year}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/access-denied", page.Headers.Location!.IsAbsoluteUri ? page.Headers.Location.PathAndQuery : page.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/escalations/summary?year={Year}")).StatusCode);
    }
}

public sealed class FiguresPageSqliteTests(SqliteApp app) : FiguresPageTests(app), IClassFixture<SqliteApp>;

public sealed class FiguresPagePostgresTests(PostgresApp app) : FiguresPageTests(app), IClassFixture<PostgresApp>;
