using System.Net;
using System.Text.RegularExpressions;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Caseloads;

/// <summary>Which IROs each user sees on the dashboard, and whether they see the service's totals.</summary>
public static class CaseloadPagesData
{
    private static readonly string[] Everyone = ["Ada Lovelace", "Ben Okri", "Cara Delaney", "Dev Patel"];

    public static TheoryData<string, string[], bool> WhoSeesWhat => new()
    {
        { AccessScenario.Manager, Everyone, true },
        { AccessScenario.Support, Everyone, true },
        { AccessScenario.Admin, Everyone, true },
        { AccessScenario.Analyst, Everyone, true },
        { AccessScenario.IroAda, ["Ada Lovelace"], false },
        { AccessScenario.Coordinator, ["Ben Okri", "Cara Delaney"], false },
    };
}

/// <summary>
/// The caseload dashboard and the FTE form over the access scenario. Today (27 November 2026) every child is
/// looked after: Ada (in-house) has A1; Ben (Northwind) has B1 and AB1; Cara (Northwind) none; Dev (Southgate)
/// D1; N1 has no IRO. Every IRO is 1.0 FTE: the service has 4 IROs, 4.0 FTE, 4 children, 1.0 per FTE.
/// </summary>
public abstract partial class CaseloadPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Theory]
    [MemberData(nameof(CaseloadPagesData.WhoSeesWhat), MemberType = typeof(CaseloadPagesData))]
    public async Task The_dashboard_shows_each_role_its_IROs_and_the_totals_only_to_service_wide_roles(string user, string[] officers, bool totals)
    {
        var client = await app.ClientForAsync(user);

        var response = await client.GetAsync("/caseloads");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var table = html[html.IndexOf("id=\"caseload-officers\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(officers, OfficerName().Matches(table).Select(m => m.Groups[1].Value));
        Assert.Equal(totals, html.Contains("id=\"caseload-totals\"", StringComparison.Ordinal));
        // Figures and IRO names only: no child is named, whoever asks.
        Assert.DoesNotContain("Amara", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Osei", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_row_counts_the_children_looked_after_and_allocated_today_against_the_band()
    {
        var html = await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync("/caseloads");

        var service = Row(html, "data-row=\"service\"");
        Assert.Equal(["4", "4.0", "4", "1.0"], Cells(service));
        Assert.Contains("data-band=\"Under\"", service, StringComparison.Ordinal);
        var ben = Row(html, "Ben Okri");
        Assert.Equal(["1.0", "2", "2.0"], Cells(ben));
    }

    [Fact]
    public async Task The_trend_lists_the_last_twelve_month_ends_in_the_chart_and_the_table()
    {
        var html = await (await app.ClientForAsync(AccessScenario.Analyst)).GetStringAsync("/caseloads");

        Assert.Contains("<svg class=\"app-chart\"", html, StringComparison.Ordinal);
        var monthEnds = MonthEnd().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, monthEnds.Count);
        Assert.Equal("2025-11-30", monthEnds[0]);
        Assert.Equal("2026-10-31", monthEnds[^1]);
        // On 31 October 2026 the same four children were looked after and allocated as today.
        Assert.Equal(["4", "4.0", "4", "1.0"], Cells(Row(html, "data-month-end=\"2026-10-31\"")));
    }

    [Fact]
    public async Task An_IRO_page_shows_their_own_trend()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var ben = await OfficerIdAsync(AccessScenario.IroBen);

        var html = await client.GetStringAsync($"/iros/{ben}");

        Assert.Contains("Children per FTE of Ben Okri at each month end", html, StringComparison.Ordinal);
        Assert.Equal(["1", "1.0", "2", "2.0"], Cells(Row(html, "data-month-end=\"2026-10-31\"")));
    }

    [Theory]
    [InlineData(AccessScenario.Manager, true)]
    [InlineData(AccessScenario.Admin, true)]
    [InlineData(AccessScenario.Support, false)]
    [InlineData(AccessScenario.Analyst, false)]
    [InlineData(AccessScenario.IroAda, false)]
    [InlineData(AccessScenario.Coordinator, false)]
    public async Task Only_managers_and_admins_change_an_FTE(string user, bool allowed)
    {
        var client = await app.ClientForAsync(user);
        var ada = await OfficerIdAsync(AccessScenario.IroAda);

        var response = await client.GetAsync($"/iros/{ada}/fte");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        // Pages send a refused user to the access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/access-denied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_FTE_is_refused_with_the_error_summary_and_nothing_saved()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var dev = await OfficerIdAsync("dev@test.example");
        var token = await SignIn.AntiforgeryTokenAsync(client, $"/iros/{dev}/fte");

        var response = await client.PostAsync($"/iros/{dev}/fte", Form(token, "1", "12", "2026", "1.5"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("FTE must be a number from 0.01 to 1.0", html, StringComparison.Ordinal);
        Assert.Equal(0, await ChangesOfAsync(dev));
    }

    [Fact]
    public async Task A_planned_FTE_change_is_recorded_and_leaves_today_unchanged()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var cara = await OfficerIdAsync("cara@test.example");
        var token = await SignIn.AntiforgeryTokenAsync(client, $"/iros/{cara}/fte");

        var response = await client.PostAsync($"/iros/{cara}/fte", Form(token, "1", "1", "2027", "0.6"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await ChangesOfAsync(cara));
        Assert.Contains("1 January 2027", await client.GetStringAsync($"/iros/{cara}/fte"), StringComparison.Ordinal);
        Assert.Equal(["1.0", "0", "0.0"], Cells(Row(await client.GetStringAsync("/caseloads"), "Cara Delaney")));
    }

    private static FormUrlEncodedContent Form(string token, string day, string month, string year, string fte) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["EffectiveFrom.Day"] = day, ["EffectiveFrom.Month"] = month, ["EffectiveFrom.Year"] = year, ["Fte"] = fte,
    });

    private async Task<int> OfficerIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().ReviewingOfficers.Where(o => o.Email == email).Select(o => o.Id).SingleAsync();
    }

    private async Task<int> ChangesOfAsync(int officerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().OfficerFteChanges.CountAsync(c => c.ReviewingOfficerId == officerId);
    }

    /// <summary>The table row containing <paramref name="marker"/>.</summary>
    private static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No row with {marker}");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    /// <summary>The numeric cells of a row, in order.</summary>
    private static string[] Cells(string row) => [.. NumericCell().Matches(row).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex("<a class=\"govuk-link\" href=\"/iros/\\d+\">([^<]+)</a>")]
    private static partial Regex OfficerName();

    [GeneratedRegex("data-month-end=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex MonthEnd();

    [GeneratedRegex("govuk-table__cell--numeric\">([^<]*)<")]
    private static partial Regex NumericCell();
}

public sealed class CaseloadPagesSqliteTests(SqliteApp app) : CaseloadPagesTests<SqliteApp>(app);

public sealed class CaseloadPagesPostgresTests(PostgresApp app) : CaseloadPagesTests<PostgresApp>(app);
