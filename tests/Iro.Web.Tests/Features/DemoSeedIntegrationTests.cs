using System.Text.RegularExpressions;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Demo;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features;

/// <summary>The demo borough through the command line and the app, as the README's run command uses it.</summary>
public sealed partial class DemoSeedIntegrationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, _database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Seeded_demo_shows_the_manager_the_borough_and_the_iro_only_their_children()
    {
        var (exit, output, _) = await RunAsync("demo", "seed", "--as-of", "2026-11-27");
        Assert.Equal(0, exit);
        Assert.Matches(@"(3[0-3]\d|29\d) looked after at 31 March 2026", output);
        var manager = DemoSeeder.Accounts(2026, "").Single(a => a.Role == "Manager");
        Assert.Contains(manager.Password, output, StringComparison.Ordinal);

        await using var app = new SeededApp(_database);
        var managerClient = await SignIn.AsAsync(app, manager.Email, manager.Password);
        var home = await managerClient.GetStringAsync("/");
        var atMarch31 = int.Parse(MarchCount().Match(home).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(atMarch31, 300, 340);

        var iroEmail = IroEmail().Match(output).Groups[1].Value;
        var iroPassword = DemoSeeder.Accounts(2026, iroEmail).Single(a => a.Role == "Iro").Password;
        var iroClient = await SignIn.AsAsync(app, iroEmail, iroPassword);
        var iroList = await iroClient.GetStringAsync("/children?all=true");
        var serviceList = await managerClient.GetStringAsync("/children?all=true");
        var iroTotal = int.Parse(ResultCount().Match(iroList).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var serviceTotal = int.Parse(ResultCount().Match(serviceList).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The in-house IRO is full-time among part-time agency IROs, so carries a large share, but far from all.
        Assert.InRange(iroTotal, 1, serviceTotal / 2);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var officerId = db.ReviewingOfficers.Single(o => o.Email == iroEmail).Id;
        var allocated = db.Children.Count(c => c.IroAllocations.Any(a => a.ReviewingOfficerId == officerId));
        Assert.Equal(allocated, iroTotal);
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing_and_reprints_the_accounts()
    {
        Assert.Equal(0, (await RunAsync("demo", "seed", "--children", "30", "--as-of", "2026-11-27")).Exit);
        var (exit, output, _) = await RunAsync("demo", "seed", "--children", "30", "--as-of", "2026-11-27");
        Assert.Equal(0, exit);
        Assert.Contains("already holds data", output, StringComparison.Ordinal);
        Assert.Contains("manager@demo.iro.example", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_generates_a_password_that_signs_in_and_refuses_an_unknown_role()
    {
        var (exit, output, _) = await RunAsync("users", "add", "--email", "new.manager@council.example", "--role", "manager");
        Assert.Equal(0, exit);
        var password = Regex.Match(output, "Password: (\\S+)").Groups[1].Value;
        Assert.Equal(16, password.Length);
        await using var app = new SeededApp(_database);
        await SignIn.AsAsync(app, "new.manager@council.example", password);

        var (badExit, _, error) = await RunAsync("users", "add", "--email", "x@council.example", "--role", "Superuser");
        Assert.Equal(1, badExit);
        Assert.Contains("Role 'Superuser' is not known", error, StringComparison.Ordinal);

        var (iroExit, _, iroError) = await RunAsync("users", "add", "--email", "nobody@council.example", "--role", "Iro");
        Assert.Equal(1, iroExit);
        Assert.Contains("No IRO has the email", iroError, StringComparison.Ordinal);
    }

    /// <summary>The app over a database the test has already filled through the command line.</summary>
    private sealed class SeededApp(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        }
    }

    [GeneratedRegex("id=\"looked-after-march31\">(\\d+)<")]
    private static partial Regex MarchCount();

    [GeneratedRegex("<strong>(\\d+)</strong> child")]
    private static partial Regex ResultCount();

    [GeneratedRegex(@"Iro\s+(\S+@demo\.iro\.example)")]
    private static partial Regex IroEmail();
}
