using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Access;

/// <summary>
/// The navigation asks for permissions rather than roles; each role is still offered exactly the areas it was
/// offered before (the pages themselves check the same permissions).
/// </summary>
public sealed class NavigationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Offered = ["/children", "/oversight", "/escalations", "/reviews/due", "/admin/bank-holidays", "/reviews/data-quality", "/ssda903", "/allocations", "/admin/accounts", "/admin/audit"];

    public static TheoryData<string, string[]> Links => new()
    {
        { AccessScenario.Manager, ["/children", "/oversight", "/escalations", "/reviews/due", "/reviews/data-quality", "/ssda903", "/allocations"] },
        { AccessScenario.Support, ["/children", "/oversight", "/escalations", "/reviews/due", "/allocations"] },
        { AccessScenario.Admin, ["/children", "/escalations", "/reviews/due", "/admin/bank-holidays", "/ssda903", "/admin/accounts", "/admin/audit"] },
        { AccessScenario.Analyst, [] },
        { AccessScenario.IroAda, ["/children", "/oversight", "/escalations", "/reviews/due"] },
        { AccessScenario.Coordinator, ["/children", "/escalations", "/reviews/due", "/allocations"] },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public async Task Each_role_is_offered_the_areas_its_permissions_open(string user, string[] expected)
    {
        var client = await app.ClientForAsync(user);
        var html = await client.GetStringAsync("/");
        var nav = html[html.IndexOf("id=\"navigation\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];

        var shown = Offered.Where(link => nav.Contains($"href=\"{link}\"", StringComparison.Ordinal)).ToArray();

        Assert.Equal(expected, shown);
    }
}
