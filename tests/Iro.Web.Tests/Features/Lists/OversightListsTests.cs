using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Iro.Web.Tests.Features.Lists.ListPages;

namespace Iro.Web.Tests.Features.Lists;

/// <summary>Oversight at the size of a real service: actionable items only, approvals first, every list paged.</summary>
public abstract class OversightListsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BusyServiceApp
{
    private async Task<string> ManagerGetAsync(string url) => await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync(url);

    [Fact]
    public async Task Overdue_records_from_before_the_previous_reporting_year_are_in_the_data_quality_view_not_counted_as_overdue()
    {
        var oversight = await ManagerGetAsync("/oversight");
        Assert.Equal(BusyServiceApp.Extra, Number(oversight, "records-count"));
        Assert.DoesNotContain("/children/A1/reviews/", oversight.Split("id=\"records\"")[1], StringComparison.Ordinal);
        Assert.Contains("href=\"/oversight?view=older\"", oversight, StringComparison.Ordinal);

        // The scenario's five reviews of June 2024 have no record: due in July 2024, before 1 April 2025.
        var older = await ManagerGetAsync("/oversight?view=older");
        Assert.Equal(AccessScenario.ChildIds.Length, Number(older, "records-count"));
        Assert.Contains("/children/A1/reviews/", older, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_look_back_is_configurable()
    {
        await using var longer = app.WithWebHostBuilder(b => b.UseSetting("Oversight:PreviousReportingYears", "3"));
        var client = await SignIn.AsAsync(longer, AccessScenario.Manager);
        var oversight = await client.GetStringAsync("/oversight");
        Assert.Equal(BusyServiceApp.Extra + AccessScenario.ChildIds.Length, Number(oversight, "records-count"));
        Assert.Equal(0, Number(await client.GetStringAsync("/oversight?view=older"), "records-count"));
    }

    [Fact]
    public async Task Approvals_come_first_and_their_count_is_on_the_managers_home_page()
    {
        var oversight = await ManagerGetAsync("/oversight");
        Assert.Equal(1, Number(oversight, "approvals-count"));
        Assert.True(oversight.IndexOf("id=\"approvals\"", StringComparison.Ordinal) < oversight.IndexOf("id=\"decisions\"", StringComparison.Ordinal));
        Assert.Contains("Amara Khan", oversight.Split("id=\"approvals\"")[1].Split("id=\"decisions\"")[0], StringComparison.Ordinal);
        Assert.Equal(1, Number(await ManagerGetAsync("/"), "pending-approvals"));
    }

    [Fact]
    public async Task Each_oversight_list_is_paged_with_its_count_and_an_iro_column()
    {
        var first = await ManagerGetAsync("/oversight");
        var second = await ManagerGetAsync("/oversight?records=2");
        string Records(string html) => html.Split("id=\"records-table\"")[1].Split("</table>")[0];
        var firstRows = ChildLinksIn(Records(first));
        var secondRows = ChildLinksIn(Records(second));

        Assert.Equal(25, firstRows.Count);
        Assert.Equal(BusyServiceApp.Extra - 25, secondRows.Count);
        Assert.Empty(firstRows.Intersect(secondRows));
        Assert.Contains("Showing 26 to 30 of 30", second, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header\">IRO</th>", Records(first), StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", Records(first), StringComparison.Ordinal);
        // Moving one list on leaves the others on their first page.
        Assert.Equal(Number(first, "midway-count"), Number(second, "midway-count"));
        Assert.Contains("href=\"/oversight?records=2&amp;midway=2\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversight_lists_download_as_csv_with_every_row()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var response = await client.GetAsync("/oversight?handler=csv&list=records");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("child_id,name,iro,record_due", csv, StringComparison.Ordinal);
        var rows = CsvRows(csv);
        Assert.Equal(BusyServiceApp.Extra, rows.Count);
        Assert.All(rows, r => Assert.Equal("Ada Lovelace", r[2]));
        Assert.Single(CsvRows(await client.GetStringAsync("/oversight?handler=csv&list=approvals")));
        Assert.Equal(AccessScenario.ChildIds.Length, CsvRows(await client.GetStringAsync("/oversight?handler=csv&list=records&view=older")).Count);
    }

    [Fact]
    public async Task Iro_caseloads_download_as_csv()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var csv = await client.GetStringAsync("/iros?handler=csv");
        Assert.StartsWith("iro,employment,agency,fte,current,left_on,caseload,caseload_per_fte", csv, StringComparison.Ordinal);
        var ada = CsvRows(csv).Single(r => r[0] == "Ada Lovelace");
        // A1 and the 30 extra children; AB1 moved to Ben.
        Assert.Equal("31", ada[6]);
    }

    [Fact]
    public async Task Children_list_page_2_shows_the_next_children_without_an_error()
    {
        var first = await ManagerGetAsync("/children");
        var second = await ManagerGetAsync("/children?page=2");
        Assert.Empty(ChildLinks(first).Intersect(ChildLinks(second)));
        Assert.Equal(AccessScenario.ChildIds.Length + BusyServiceApp.Extra - 25, ChildLinks(second).Count);
        Assert.DoesNotContain("Error", Title(second), StringComparison.Ordinal);
        Assert.Contains("aria-current=page>2<", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_list_shows_legal_status_and_placement_descriptions_with_their_codes()
    {
        var html = await ManagerGetAsync("/children?q=X01");
        Assert.Contains($"{Iro.Domain.Codes.CodeDescriptions.Describe(Iro.Domain.Codes.LegalStatus.C2)} (C2)", html, StringComparison.Ordinal);
        Assert.Contains($"{Iro.Domain.Codes.CodeDescriptions.Describe(Iro.Domain.Codes.PlacementType.U4)} (U4)", html, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ChildLinksIn(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "href=\"/children/([^\"/]+)/").Select(m => m.Groups[1].Value)];
}

public sealed class OversightListsSqliteTests(BusyServiceSqliteApp app) : OversightListsTests<BusyServiceSqliteApp>(app);

public sealed class OversightListsPostgresTests(BusyServicePostgresApp app) : OversightListsTests<BusyServicePostgresApp>(app);
