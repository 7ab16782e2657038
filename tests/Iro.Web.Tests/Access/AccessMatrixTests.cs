using System.Net;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Access;

/// <summary>Every role against every child-level route and every child: visible means 200, otherwise 404.</summary>
public static class AccessMatrix
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var user in AccessScenario.Visible.Keys)
            foreach (var route in ChildLevelRoutes.All)
                foreach (var child in AccessScenario.ChildIds.Append("NOSUCH"))
                    data.Add(user, route, child);
        return data;
    }
}

public abstract class AccessMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Theory]
    [MemberData(nameof(AccessMatrix.Cases), MemberType = typeof(AccessMatrix))]
    public async Task Child_level_route_is_found_only_within_the_users_scope(string user, string route, string childId)
    {
        var client = await app.ClientForAsync(user);
        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, childId));
        var expected = AccessScenario.Visible[user].Contains(childId) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/children/A1")]
    [InlineData("/api/v1/children/A1")]
    public async Task Signed_out_requests_never_reach_child_data(string path)
    {
        var response = await SignIn.NewClient(app).GetAsync(path);
        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Analysts_cannot_open_the_children_list()
    {
        var client = await app.ClientForAsync(AccessScenario.Analyst);
        var response = await client.GetAsync("/children");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_child_record_is_written_to_the_read_audit()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        var response = await client.GetAsync("/children/A1");
        response.EnsureSuccessStatusCode();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>();
        var ada = db.Users.Single(u => u.Email == AccessScenario.IroAda);
        Assert.Contains(db.AuditEntries.ToList(), e => e.UserId == ada.Id && e.Action == "Read" && e.EntityType == "Child" && e.EntityKey == "A1");
    }

    [Fact]
    public async Task Managers_see_who_opened_a_record_and_iros_do_not()
    {
        var iro = await app.ClientForAsync(AccessScenario.IroBen);
        (await iro.GetAsync("/children/B1")).EnsureSuccessStatusCode();
        var own = await iro.GetStringAsync("/children/B1");
        Assert.DoesNotContain("id=\"record-access\"", own, StringComparison.Ordinal);

        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var html = await manager.GetStringAsync("/children/B1");
        Assert.Contains("id=\"record-access\"", html, StringComparison.Ordinal);
        Assert.Contains(AccessScenario.IroBen, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessScenario.IroAda, html, StringComparison.Ordinal);
    }
}

public sealed class AccessMatrixSqliteTests(SqliteApp app) : AccessMatrixTests<SqliteApp>(app);

public sealed class AccessMatrixPostgresTests(PostgresApp app) : AccessMatrixTests<PostgresApp>(app);
