using System.Net;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Access;

/// <summary>
/// Every role against every child-level route the app has (found from its endpoint data source) and every
/// child: in scope means shown and audited, out of scope means not found.
/// </summary>
public abstract class AccessMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task Every_child_level_route_is_found_only_within_the_users_scope_and_every_read_is_audited()
    {
        var routes = await ChildLevelEndpoints.DiscoverAsync(app.Services);

        var problems = await AccessMatrixCheck.RunAsync(app.Services, app.ClientForAsync, routes);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_matrix_finds_the_child_level_pages_downloads_and_api_routes()
    {
        var routes = (await ChildLevelEndpoints.DiscoverAsync(app.Services)).Select(r => r.ToString()).ToList();

        Assert.Contains("/children/{childId}", routes);
        Assert.Contains("/api/v1/children/{childId}/review-timetable", routes);
        Assert.Contains("/children/{childId}/reviews/{reviewId:int}/letter", routes);
        Assert.Contains("/children/{childId}/reviews/{reviewId:int}/letter/print?handler=Docx", routes);
        Assert.Contains("/children/{childId}/oversight", routes);
        Assert.True(routes.Count >= 13, string.Join(", ", routes));
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
