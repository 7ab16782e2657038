using System.Net;
using System.Text.RegularExpressions;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features;

/// <summary>The access scenario plus a late review with a decision and a booked review, so the review pages have forms.</summary>
public abstract class CrawlApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    protected override async Task SeedAsync(IServiceProvider services)
    {
        await AccessScenario.SeedAsync(services);
        var db = services.GetRequiredService<IroDbContext>();
        var a1 = await db.Children.Include(c => c.Reviews).SingleAsync(c => c.LocalId == "A1");
        var ada = await db.ReviewingOfficers.SingleAsync(o => o.Email == AccessScenario.IroAda);
        var late = new Review { HeldOn = new DateOnly(2026, 5, 4), Participation = ParticipationCode.PN1, ChairId = ada.Id, Status = ReviewStatus.Held };
        late.Decisions.Add(new ReviewDecision { What = "Book a dental check-up", PersonName = "Sam Carer", PersonRole = "Foster carer", DueBy = new DateOnly(2026, 6, 1) });
        a1.Reviews.Add(late);
        a1.Reviews.Add(new Review { HeldOn = new DateOnly(2026, 12, 2), Status = ReviewStatus.Planned, ChairId = ada.Id });
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteCrawlApp() : CrawlApp(DatabaseProvider.Sqlite);

public sealed class PostgresCrawlApp() : CrawlApp(DatabaseProvider.Postgres);

public sealed class AntiforgeryCrawlSqliteTests(SqliteCrawlApp app) : AntiforgeryCrawlTests(app), IClassFixture<SqliteCrawlApp>;

public sealed class AntiforgeryCrawlPostgresTests(PostgresCrawlApp app) : AntiforgeryCrawlTests(app), IClassFixture<PostgresCrawlApp>;

/// <summary>
/// Every form that posts must carry the antiforgery token, or the app answers 400. Each role follows every link from
/// the home page (same site, GET only, a bounded number of pages) and every post form found is checked.
/// </summary>
public abstract partial class AntiforgeryCrawlTests(IroAppFactory app)
{
    private const int MaxPages = 250;
    private const int MaxQueriesPerPath = 3;

    public static TheoryData<string> Users => [AccessScenario.Manager, AccessScenario.Support, AccessScenario.Admin, AccessScenario.Analyst, AccessScenario.IroAda, AccessScenario.Coordinator];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_post_form_on_every_page_reachable_from_home_carries_the_antiforgery_token(string user)
    {
        var client = await app.ClientForAsync(user);
        var (pages, failures) = await CrawlAsync(client);

        Assert.True(failures.Count == 0, $"{user}:\n" + string.Join("\n", failures));
        Assert.Contains("/", pages);
        if (AccessScenario.Visible[user].Contains("A1"))
        {
            // The crawl reached a child record, a review and their sub-pages, so their forms were checked.
            Assert.Contains("/children/A1", pages);
            Assert.Contains(pages, p => ReviewPage().IsMatch(p));
            Assert.Contains(pages, p => p.StartsWith("/children/A1/", StringComparison.Ordinal) && p.Count(c => c == '/') >= 4);
        }
    }

    [Fact]
    public async Task Managers_find_the_data_quality_page_in_the_navigation()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        Assert.Contains("href=\"/reviews/data-quality\"", await manager.GetStringAsync("/"), StringComparison.Ordinal);
        var iro = await app.ClientForAsync(AccessScenario.IroAda);
        Assert.DoesNotContain("href=\"/reviews/data-quality\"", await iro.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static async Task<(HashSet<string> Pages, List<string> Failures)> CrawlAsync(HttpClient client)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queriesPerPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                Enqueue(response.Headers.Location?.OriginalString);
                continue;
            }

            if ((int)response.StatusCode >= 500) failures.Add($"{url}: HTTP {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            pages.Add(url.Split('?')[0]);
            foreach (Match form in FormPattern().Matches(html))
            {
                if (!form.Groups["open"].Value.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)) continue;
                if (!form.Groups["body"].Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                    failures.Add($"{url}: {WebUtility.HtmlDecode(form.Groups["open"].Value)} has no antiforgery token");
            }

            foreach (Match link in LinkPattern().Matches(html)) Enqueue(WebUtility.HtmlDecode(link.Groups[1].Value));
        }

        return (pages, failures);

        void Enqueue(string? href)
        {
            if (href is null || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return;
            href = href.Split('#')[0];
            var path = href.Split('?')[0];
            if (path is "/sign-out" or "/sign-in" || path.StartsWith("/govuk", StringComparison.Ordinal) || path.StartsWith("/assets", StringComparison.Ordinal)
                || path.StartsWith("/api/", StringComparison.Ordinal) || href.Contains("handler=", StringComparison.OrdinalIgnoreCase)) return;
            if (href.Contains('?', StringComparison.Ordinal))
            {
                var count = queriesPerPath.GetValueOrDefault(path);
                if (count >= MaxQueriesPerPath) return;
                queriesPerPath[path] = count + 1;
            }

            if (seen.Add(href)) queue.Enqueue(href);
        }
    }

    [GeneratedRegex("(?<open><form\\b[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<a\\b[^>]*\\bhref=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("^/children/A1/reviews/\\d+$")]
    private static partial Regex ReviewPage();
}
