using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Iro.Ssda903;
using Iro.Web;
using Iro.Web.Access;
using Iro.Web.Features.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// Single requests to the service-wide pages on a national-scale database, over HTTP as a signed-in manager: the
/// app is served on loopback from a kept SQLite file holding an imported generated return (seed 903) and a manager
/// account. Each page is requested once cold (the first view after start-up), then timed one request at a time.
/// </summary>
internal static partial class PagesBench
{
    private static readonly string[] Pages = ["/", "/reviews/due", "/reviews/timeliness"];
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(300);
    private const string ManagerEmail = "manager@bench.iro.example";
    private const string ManagerPassword = "Bench-manager-903-national";

    public static async Task<int> RunAsync(string[] args)
    {
        var children = Ssda903Bench.IntOption(args, "--children", 120_000);
        var runs = Ssda903Bench.IntOption(args, "--runs", 5);
        var given = Ssda903Bench.StringOption(args, "--db", string.Empty);
        var file = Path.GetFullPath(given.Length > 0 ? given : Path.Combine(Path.GetTempPath(), $"iro-bench-pages-{Environment.ProcessId}.db"));
        try
        {
            await PrepareAsync(file, children);
            await using var server = await StartAsync(file);
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };
            var cookie = await SignInAsync(client);
            Console.WriteLine($"Single requests as {ManagerEmail}, one cold then the median of {runs}:");
            foreach (var page in Pages)
            {
                var (cold, status) = await TimeAsync(client, page, cookie);
                if (status != HttpStatusCode.OK)
                {
                    // A failing page is a figure too (at this scale a query can exceed a database limit).
                    Console.WriteLine($"  {page}: answered {(int)status} after {cold.TotalMilliseconds:N0} ms");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"SUMMARY national {page}|answered {(int)status} after {cold.TotalMilliseconds:F0} ms|< {Target.TotalMilliseconds:F0} ms a request|not met"));
                    continue;
                }

                var times = new List<TimeSpan>(runs);
                for (var run = 0; run < runs; run++) times.Add((await TimeAsync(client, page, cookie)).Elapsed);
                times.Sort();
                var median = times[runs / 2];
                Console.WriteLine($"  {page}: cold {cold.TotalMilliseconds:N0} ms, median {median.TotalMilliseconds:N0} ms, max {times[^1].TotalMilliseconds:N0} ms");
                // One line per figure for scripts/bench.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SUMMARY national {page}|{median.TotalMilliseconds:F0} ms (cold {cold.TotalMilliseconds:F0} ms)|< {Target.TotalMilliseconds:F0} ms a request|{(median < Target ? "met" : "not met")}"));
            }

            return 0;
        }
        finally
        {
            if (given.Length == 0)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm", ".ready" })
                {
                    if (File.Exists(file + suffix)) File.Delete(file + suffix);
                }
            }
        }
    }

    /// <summary>Imports the return and adds the manager once; a file without its ready marker is an interrupted set-up and starts again.</summary>
    private static async Task PrepareAsync(string file, int children)
    {
        var ready = file + ".ready";
        if (File.Exists(ready))
        {
            Console.WriteLine($"Reused the national database {file}");
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(file + suffix)) File.Delete(file + suffix);
        }

        await using (var national = await BenchDatabase.NationalReturnAsync("pages", children, CollectionYear.Parse("2025-26"), file))
        {
            Console.WriteLine(national.Loaded);
            await using var scope = national.Services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<UserProvisioning>().CreateAsync(
                ManagerEmail, "Bench manager", Roles.Manager, ManagerPassword, null, CancellationToken.None);
            if (!created.Succeeded) throw new InvalidOperationException("The manager account was not added: " + string.Join("; ", created.Errors));
        }

        await File.WriteAllTextAsync(ready, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
    }

    private sealed class Server(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The app as <c>iro serve</c> runs it (Production), on a free loopback port.</summary>
    private static async Task<Server> StartAsync(string file)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Iro"] = $"Data Source={file}",
            ["Logging:LogLevel:Default"] = "Error",
        };
        var app = IroWebApp.Configure(IroWebApp.CreateBuilder(["--urls", "http://127.0.0.1:0"], settings).Build());
        // A database kept from an earlier version is brought to the current schema, as `iro db migrate` would.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>().Database.MigrateAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Server(app, new Uri(address));
    }

    /// <summary>Signs in through the form; returns the Cookie header (set by hand: the session cookie is Secure, and this is plain HTTP on loopback).</summary>
    private static async Task<string> SignInAsync(HttpClient client)
    {
        using var form = await client.GetAsync("/sign-in");
        var antiforgery = Cookies(form);
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = ManagerEmail, ["Password"] = ManagerPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {(int)signedIn.StatusCode}");
        return Cookies(signedIn);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static async Task<(TimeSpan Elapsed, HttpStatusCode Status)> TimeAsync(HttpClient client, string page, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Add("Cookie", cookie);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return (watch.Elapsed, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
