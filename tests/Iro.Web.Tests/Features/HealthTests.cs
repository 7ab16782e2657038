using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features;

public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task Health_reports_the_database_as_healthy_without_signing_in()
    {
        var response = await SignIn.NewClient(app).GetAsync("/health");
        response.EnsureSuccessStatusCode();
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthSqliteTests(SqliteApp app) : HealthTests<SqliteApp>(app);

public sealed class HealthPostgresTests(PostgresApp app) : HealthTests<PostgresApp>(app);
