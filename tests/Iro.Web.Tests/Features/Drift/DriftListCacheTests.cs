using System.Text.RegularExpressions;
using Iro.Domain.Children;
using Iro.Web.Data;
using Iro.Web.Features.Drift;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Drift;

/// <summary>
/// The service drift list is computed once per service day and data version and shared by every view: a change
/// to what the rules read moves the version (through SaveChanges or a bulk insert), so the next view shows it;
/// any other write leaves the computed list in use; a view from the shared list shows only the user's children.
/// </summary>
public abstract partial class DriftListCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(IroAppFactory.Now.UtcDateTime);

    private async Task<IReadOnlyList<string>> ChildrenAsync(string user, string url)
    {
        var html = await (await app.ClientForAsync(user)).GetStringAsync(url);
        return html.Contains("id=\"drift-table\"", StringComparison.Ordinal)
            ? [.. ChildLink().Matches(html.Split("id=\"drift-table\"")[1].Split("</table>")[0]).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)]
            : [];
    }

    private async Task<Guid> VersionAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await DataVersion.CurrentAsync(scope.ServiceProvider.GetRequiredService<IroDbContext>(), CancellationToken.None);
    }

    private async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IroDbContext>());
    }

    [Fact]
    public async Task Putting_an_item_right_moves_the_version_and_the_next_view_no_longer_shows_it()
    {
        // Back on Friday 13 November: the 72 hours ran to the end of Monday 16 November.
        var episodeId = await WithDbAsync(async db =>
        {
            var d1 = await db.Children.SingleAsync(c => c.LocalId == "D1");
            var episode = new MissingEpisode { ChildId = d1.Id, Start = new DateOnly(2026, 11, 12), End = new DateOnly(2026, 11, 13), EnteredByHand = true };
            db.MissingEpisodes.Add(episode);
            await db.SaveChangesAsync();
            return episode.Id;
        });
        Assert.Contains("D1", await ChildrenAsync(AccessScenario.Manager, "/drift?rule=return-interview"));
        var before = await VersionAsync();

        await WithDbAsync(async db =>
        {
            (await db.MissingEpisodes.SingleAsync(m => m.Id == episodeId)).InterviewCompletedOn = new DateOnly(2026, 11, 16);
            return await db.SaveChangesAsync();
        });

        Assert.NotEqual(before, await VersionAsync());
        Assert.DoesNotContain("D1", await ChildrenAsync(AccessScenario.Manager, "/drift?rule=return-interview"));
    }

    [Fact]
    public async Task A_write_to_records_the_rules_do_not_read_keeps_the_computed_list()
    {
        var cache = app.Services.GetRequiredService<DriftListCache>();
        var before = await VersionAsync();
        var computed = cache.GetAsync(Today, before);
        await computed;

        await WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = IroAppFactory.Now, UserId = "system", Action = "Read", EntityType = "Child", EntityKey = "D1" });
            return db.SaveChangesAsync();
        });

        Assert.Equal(before, await VersionAsync());
        Assert.Same(computed, cache.GetAsync(Today, before));
    }

    [Fact]
    public async Task An_iro_viewing_after_a_manager_sees_only_the_children_allocated_to_them()
    {
        // The manager's view fills the shared list with every child.
        Assert.Equal(AccessScenario.ChildIds.Order(StringComparer.Ordinal), await ChildrenAsync(AccessScenario.Manager, "/drift?rule=review-overdue"));
        Assert.Equal(["A1"], await ChildrenAsync(AccessScenario.IroAda, "/drift"));
        Assert.Equal(["AB1", "B1"], await ChildrenAsync(AccessScenario.IroBen, "/drift"));
        // An IRO cannot widen their view with the IRO filter.
        var benId = await WithDbAsync(db => db.ReviewingOfficers.Where(o => o.Name == "Ben Okri").Select(o => o.Id).SingleAsync());
        Assert.Equal(["A1"], await ChildrenAsync(AccessScenario.IroAda, $"/drift?iro={benId}"));
    }

    [Fact]
    public async Task A_bulk_insert_moves_the_version_with_its_transaction()
    {
        var before = await VersionAsync();
        var n1 = await WithDbAsync(db => db.Children.Where(c => c.LocalId == "N1").Select(c => c.Id).SingleAsync());
        MissingEpisode Episode() => new() { ChildId = n1, Start = new DateOnly(2026, 10, 1), End = new DateOnly(2026, 10, 2) };

        await WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, typeof(MissingEpisode), [Episode()], CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(before, await VersionAsync());

        await WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, typeof(MissingEpisode), [Episode()], CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });
        Assert.NotEqual(before, await VersionAsync());
        Assert.Contains("N1", await ChildrenAsync(AccessScenario.Manager, "/drift?rule=return-interview"));
    }

    [Fact]
    public async Task Concurrent_first_views_of_a_version_share_one_computation()
    {
        var cache = new DriftListCache(app.Services.GetRequiredService<IServiceScopeFactory>());
        var version = await VersionAsync();
        var lists = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(Today, version))));
        Assert.Single(lists.Distinct());
        Assert.NotEmpty(lists[0]);
    }

    [GeneratedRegex("href=\"/children/([^\"/]+)\"")]
    private static partial Regex ChildLink();
}

public sealed class DriftListCacheSqliteTests(SqliteApp app) : DriftListCacheTests<SqliteApp>(app);

public sealed class DriftListCachePostgresTests(PostgresApp app) : DriftListCacheTests<PostgresApp>(app);
