using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Data;

/// <summary>
/// A cached service-wide result is reused only while nothing in the service has changed, on the same day, for the
/// same user's scope and parameters; any change to a service record (not only those the drift rules read) moves
/// the version, so the next view computes afresh.
/// </summary>
public abstract class VersionedResultsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(IroAppFactory.Now.UtcDateTime);
    private static readonly CurrentUser Manager = new("manager-id", "Manager", new HashSet<string> { Roles.Manager }, null, null);
    private static readonly CurrentUser Iro = new("iro-id", "IRO", new HashSet<string> { Roles.Iro }, 1, null);

    private int _computations;

    private async Task<string> GetAsync(VersionedResults results, CurrentUser user, string parameters = "", DateOnly? today = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        return await results.GetAsync(db, "test", user, parameters, today ?? Today, async services =>
        {
            Interlocked.Increment(ref _computations);
            var count = await services.GetRequiredService<IroDbContext>().CaseNotes.CountAsync();
            return $"{user.UserId}:{count}";
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_result_is_reused_until_any_service_record_changes()
    {
        using var results = new VersionedResults(app.Services.GetRequiredService<IServiceScopeFactory>());
        var first = await GetAsync(results, Manager);
        Assert.Same(first, await GetAsync(results, Manager));
        Assert.Equal(1, _computations);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var child = await db.Children.Select(c => c.Id).FirstAsync();
            db.CaseNotes.Add(new CaseNote { ChildId = child, Text = "Visited the placement.", CreatedAt = IroAppFactory.Now });
            await db.SaveChangesAsync();
        }

        var after = await GetAsync(results, Manager);
        Assert.Equal(2, _computations);
        Assert.NotEqual(first, after);
    }

    [Fact]
    public async Task Users_parameters_and_days_each_have_their_own_result()
    {
        using var results = new VersionedResults(app.Services.GetRequiredService<IServiceScopeFactory>());
        var manager = await GetAsync(results, Manager);
        var iro = await GetAsync(results, Iro);
        Assert.StartsWith("manager-id:", manager, StringComparison.Ordinal);
        Assert.StartsWith("iro-id:", iro, StringComparison.Ordinal);
        await GetAsync(results, Manager, "page=2");
        await GetAsync(results, Manager, today: Today.AddDays(1));
        await GetAsync(results, Manager with { Roles = new HashSet<string> { Roles.Iro } });
        Assert.Equal(5, _computations);
    }

    [Fact]
    public async Task Concurrent_first_views_share_one_computation_and_a_failure_is_not_kept()
    {
        using var results = new VersionedResults(app.Services.GetRequiredService<IServiceScopeFactory>());
        var views = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => GetAsync(results, Manager, "shared"))));
        Assert.Single(views.Distinct());
        Assert.Equal(1, _computations);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            results.GetAsync<string>(db, "failing", Manager, "", Today, _ => throw new InvalidOperationException("no"), CancellationToken.None));
        Assert.Equal("again", await results.GetAsync(db, "failing", Manager, "", Today, _ => Task.FromResult("again"), CancellationToken.None));
    }
}

public sealed class VersionedResultsSqliteTests(SqliteApp app) : VersionedResultsTests<SqliteApp>(app);

public sealed class VersionedResultsPostgresTests(PostgresApp app) : VersionedResultsTests<PostgresApp>(app);
