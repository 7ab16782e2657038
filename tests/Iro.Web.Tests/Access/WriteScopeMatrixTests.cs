using System.Net;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Access;

/// <summary>
/// Every handler that changes a child's records (found from the endpoint data source) against every user who may
/// read a child but not change it: refused before the handler runs (403), with nothing written. The same handler
/// on a child the user may change is not refused that way, so the refusal is the write scope's and not something
/// else's.
/// </summary>
public abstract class WriteScopeMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    /// <summary>The heading of the page that answers a write outside the write scope (as HTML-encoded).</summary>
    private const string WriteRefused = "You cannot change this child&#x27;s records";

    [Fact]
    public async Task Every_child_level_post_handler_refuses_a_user_who_may_read_but_not_change_the_child_and_writes_nothing()
    {
        var handlers = await ChildLevelEndpoints.DiscoverWritesAsync(app.Services);
        Assert.Contains("/children/{childId}/oversight?handler=Note", handlers.Select(h => h.ToString()));
        Assert.Contains("/children/{childId}/reviews/{reviewId:int}?handler=Approve", handlers.Select(h => h.ToString()));
        Assert.True(handlers.Count >= 12, string.Join(", ", handlers));
        var reviews = await ReviewOfEachChildAsync();
        var samples = await AccessMatrixCheck.SampleValuesAsync(app.Services);
        var problems = new List<string>();
        var readOnlyPairs = 0;

        foreach (var (user, visible) in AccessScenario.Visible)
        {
            var writable = AccessScenario.WritableBy(user).ToList();
            var readOnly = visible.Except(writable).ToList();
            if (readOnly.Count == 0) continue;
            var client = await app.ClientForAsync(user);
            foreach (var handler in handlers)
            {
                // A role without the page's permission is refused before any child is looked at, the same for every child.
                var ownBefore = await SnapshotAsync();
                var own = handler.For(writable[0], reviews[writable[0]], samples.GetValueOrDefault(reviews[writable[0]]));
                using var control = await PostAsync(client, own);
                var lacksPermission = IsPermissionRefusal(control);
                if (lacksPermission && await SnapshotAsync() != ownBefore) problems.Add($"{user} POST {own}: something was written without the permission");
                foreach (var child in readOnly)
                {
                    readOnlyPairs++;
                    var url = handler.For(child, reviews[child], samples.GetValueOrDefault(reviews[child]));
                    var before = await SnapshotAsync();
                    using var response = await PostAsync(client, url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!(lacksPermission && IsPermissionRefusal(response)) && (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains(WriteRefused, StringComparison.Ordinal)))
                        problems.Add($"{user} POST {url}: {(int)response.StatusCode}, expected the write-scope refusal (403)");
                    if (await SnapshotAsync() != before) problems.Add($"{user} POST {url}: something was written");
                }

                if (control.StatusCode == HttpStatusCode.Forbidden && (await control.Content.ReadAsStringAsync()).Contains(WriteRefused, StringComparison.Ordinal))
                    problems.Add($"{user} POST {own}: refused as outside the write scope, for a child they may change");
            }
        }

        Assert.True(readOnlyPairs > 0, "The scenario has no user who may read a child but not change it");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool IsPermissionRefusal(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/access-denied", StringComparison.Ordinal) == true;

    /// <summary>Posts an antiforgery-valid form with values a handler would accept, as a careless or hostile client might.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/"),
            ["NoteText"] = "Written outside the write scope", ["Kind"] = "Cancel", ["Reason"] = "Outside the write scope",
            ["What"] = "A decision", ["PersonName"] = "Sam", ["PersonRole"] = "Social worker", ["WorkingWell"] = "Well",
        }));

    /// <summary>How many rows the child-level tables hold, and the last audit entry (a change to any record adds one).</summary>
    private async Task<(int, int, int, int, int, long)> SnapshotAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        return (
            await db.Reviews.IgnoreQueryFilters().CountAsync(),
            await db.ReviewDecisions.IgnoreQueryFilters().CountAsync(),
            await db.ReviewChangeRequests.IgnoreQueryFilters().CountAsync(),
            await db.CaseNotes.IgnoreQueryFilters().CountAsync(),
            await db.MidwayReviews.IgnoreQueryFilters().CountAsync(),
            await db.AuditEntries.Where(e => e.Action != "Read").MaxAsync(e => (long?)e.Id) ?? 0);
    }

    private async Task<Dictionary<string, int>> ReviewOfEachChildAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        return await db.Reviews.GroupBy(r => r.Child!.LocalId).Select(g => new { g.Key, Id = g.Min(r => r.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id);
    }
}

public sealed class WriteScopeMatrixSqliteTests(SqliteApp app) : WriteScopeMatrixTests<SqliteApp>(app);

public sealed class WriteScopeMatrixPostgresTests(PostgresApp app) : WriteScopeMatrixTests<PostgresApp>(app);
