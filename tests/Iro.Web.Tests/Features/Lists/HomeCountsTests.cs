using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Iro.Web.Tests.Features.Lists.ListPages;

namespace Iro.Web.Tests.Features.Lists;

/// <summary>
/// Every count on the home page is the count of the page it links to, for the demo roles that see children.
/// </summary>
public abstract class HomeCountsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DemoBoroughApp
{
    private static readonly string[] DueSlugs = ["overdue", "due-soon", "scheduled", "unknown"];

    /// <summary>Each "next reviews" count on the home page against the rows of the reviews due list it links to.</summary>
    private static async Task AssertDueCountsMatchAsync(HttpClient client, string home)
    {
        foreach (var slug in DueSlugs)
        {
            var listed = CsvRows(await client.GetStringAsync($"/reviews/due?handler=csv&status={slug}")).Count;
            Assert.Equal((slug, listed), (slug, Number(home, $"due-{slug}")));
        }
    }

    [Fact]
    public async Task Home_page_counts_match_the_iros_caseload_and_children_list()
    {
        var client = await app.ClientForRoleAsync(Roles.Iro);
        var home = await client.GetStringAsync("/");
        var children = ChildrenTotal(await client.GetStringAsync("/children"));

        using var scope = app.Services.CreateScope();
        var email = app.Account(Roles.Iro).Email;
        var officerId = await scope.ServiceProvider.GetRequiredService<IroDbContext>().ReviewingOfficers.Where(o => o.Email == email).Select(o => o.Id).SingleAsync();
        var caseloadRow = CsvRows(await client.GetStringAsync("/iros?handler=csv")).Single();
        var details = await client.GetStringAsync($"/iros/{officerId}");

        var lookedAfter = Number(home, "looked-after-today");
        Assert.Equal(lookedAfter, children);
        Assert.Equal(lookedAfter, int.Parse(caseloadRow[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($">{lookedAfter} children (", details, StringComparison.Ordinal);
        await AssertDueCountsMatchAsync(client, home);
    }

    [Fact]
    public async Task Home_page_counts_match_the_agency_caseloads_and_children_list()
    {
        var client = await app.ClientForRoleAsync(Roles.AgencyCoordinator);
        var home = await client.GetStringAsync("/");
        var children = ChildrenTotal(await client.GetStringAsync("/children"));
        var caseloads = CsvRows(await client.GetStringAsync("/iros?handler=csv"))
            .Sum(r => int.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture));

        var lookedAfter = Number(home, "looked-after-today");
        Assert.Equal(lookedAfter, children);
        Assert.Equal(lookedAfter, caseloads);
        await AssertDueCountsMatchAsync(client, home);
    }

    [Fact]
    public async Task Home_page_counts_match_the_managers_lists()
    {
        var client = await app.ClientForRoleAsync(Roles.Manager);
        var home = await client.GetStringAsync("/");
        var children = ChildrenTotal(await client.GetStringAsync("/children"));
        var iros = CsvRows(await client.GetStringAsync("/iros?handler=csv"));
        var oversight = await client.GetStringAsync("/oversight");

        Assert.Equal(Number(home, "looked-after-today"), children);
        Assert.Contains($"<dd class=\"govuk-summary-list__value\">{iros.Count(r => r[4] == "true")} (", home, StringComparison.Ordinal);
        Assert.Equal(Number(oversight, "approvals-count"), Number(home, "pending-approvals"));
        await AssertDueCountsMatchAsync(client, home);
    }

    [Fact]
    public async Task The_iros_children_list_shows_the_current_caseload_by_default_and_past_children_behind_the_filter()
    {
        var client = await app.ClientForRoleAsync(Roles.Iro);
        var current = ChildrenTotal(await client.GetStringAsync("/children"));
        var withPast = ChildrenTotal(await client.GetStringAsync("/children?all=true"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var email = app.Account(Roles.Iro).Email;
        var today = DateOnly.FromDateTime(Infrastructure.IroAppFactory.Now.Date);
        var officer = await db.ReviewingOfficers.Where(o => o.Email == email).Select(o => o.Id).SingleAsync();
        var allocatedToday = await db.Children.CountAsync(c =>
            c.IroAllocations.Any(a => a.ReviewingOfficerId == officer && a.From <= today && (a.To == null || a.To >= today))
            && c.Episodes.Any(e => e.Start <= today && (e.End == null || e.End > today)));
        var everAllocated = await db.Children.CountAsync(c => c.IroAllocations.Any(a => a.ReviewingOfficerId == officer));

        Assert.Equal(allocatedToday, current);
        Assert.Equal(everAllocated, withPast);
        Assert.True(withPast > current, $"The demo IRO should have past children too ({withPast} against {current}).");
    }
}

public sealed class HomeCountsSqliteTests(DemoBoroughSqliteApp app) : HomeCountsTests<DemoBoroughSqliteApp>(app);

public sealed class HomeCountsPostgresTests(DemoBoroughPostgresApp app) : HomeCountsTests<DemoBoroughPostgresApp>(app);
