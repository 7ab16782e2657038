using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Iro.Web.Tests.Access;

/// <summary>
/// The matrix is only worth having if it catches a route that skips the child context. This host is the real
/// app plus one deliberately careless API route: its parameter is not called <c>childId</c>, so the child
/// context does not see it, and it returns any child to anyone.
/// </summary>
public sealed class UnprotectedRouteTests : IAsyncLifetime
{
    private const string LeakyRoute = "/api/v1/children/{child}/careless-summary";

    private WebApplication _app = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = _database.Settings;
        // Every role signs in within a minute from the one test client.
        settings["Authentication:SignInAttemptsPerClientPerMinute"] = "100000";
        var builder = IroWebApp.CreateBuilder([], settings);
        builder.WebHost.UseTestServer();
        builder.Environment.EnvironmentName = "Testing";
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(IroAppFactory.Now));
        _app = IroWebApp.Configure(builder.Build());
        _app.MapGet(LeakyRoute, async (string child, IroDbContext db) =>
            Results.Ok(await db.Children.Where(c => c.LocalId == child).Select(c => c.FirstName).SingleOrDefaultAsync()));
        await _app.StartAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IroDbContext>().Database.MigrateAsync();
        await AccessScenario.SeedAsync(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_route_that_skips_the_child_context_fails_the_matrix()
    {
        var routes = await ChildLevelEndpoints.DiscoverAsync(_app.Services);
        Assert.Contains(routes, r => r.Template == LeakyRoute);

        var problems = await AccessMatrixCheck.RunAsync(_app.Services, SignedInClientAsync, [.. routes.Where(r => r.Template == LeakyRoute)]);

        Assert.Contains(problems, p => p.Contains("ada@test.example GET /api/v1/children/B1/careless-summary: Shown for a child out of scope", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("shown without a read in the audit trail", StringComparison.Ordinal));
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var server = _app.GetTestServer();
        var client = new HttpClient(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = new Uri("https://localhost") };
        var response = await SignIn.PostSignInAsync(client, email, AccessScenario.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
