using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features;

public abstract class ChildrenListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private async Task<string> ListAsync(string user, string query = "")
    {
        var client = await app.ClientForAsync(user);
        var response = await client.GetAsync("/children" + query);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Manager_sees_every_child_looked_after()
    {
        var html = await ListAsync(AccessScenario.Manager);
        foreach (var id in AccessScenario.ChildIds) Assert.Contains($"href=\"/children/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>5</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iro_sees_only_their_own_children()
    {
        // AB1 moved from Ada to Ben: a past child of Ada's, listed only with the past-children filter.
        Assert.DoesNotContain("href=\"/children/AB1\"", await ListAsync(AccessScenario.IroAda), StringComparison.Ordinal);
        var html = await ListAsync(AccessScenario.IroAda, "?all=true");
        Assert.Contains("href=\"/children/A1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/children/AB1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/children/B1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/children/D1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/children/N1\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?q=hussain", "AB1")]
    [InlineData("?q=Zara+Huss", "AB1")]
    [InlineData("?q=D1", "D1")]
    [InlineData("?q=AMARA", "A1")]
    public async Task Search_finds_by_name_or_child_id_case_insensitively(string query, string expected)
    {
        var html = await ListAsync(AccessScenario.Manager, query);
        Assert.Contains($"href=\"/children/{expected}\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_iro_uses_the_current_allocation()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>();
        var ada = db.ReviewingOfficers.Single(o => o.Email == AccessScenario.IroAda).Id;
        var html = await ListAsync(AccessScenario.Manager, $"?iro={ada}");
        Assert.Contains("href=\"/children/A1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/children/AB1\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?age=10-15", 5)]
    [InlineData("?age=16-plus", 0)]
    [InlineData("?legal=C2", 5)]
    [InlineData("?legal=V2", 0)]
    public async Task Age_band_and_legal_status_filters_apply(string query, int expected)
    {
        var html = await ListAsync(AccessScenario.Manager, query);
        Assert.Contains($"<strong>{expected}</strong>", html, StringComparison.Ordinal);
    }
}

public sealed class ChildrenListSqliteTests(SqliteApp app) : ChildrenListTests<SqliteApp>(app);

public sealed class ChildrenListPostgresTests(PostgresApp app) : ChildrenListTests<PostgresApp>(app);
