using Iro.Domain.Reviews;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// One child's timetable (the child timetable API, the child pages) reads that child's held reviews. On SQLite,
/// which has no statistics on a new or freshly loaded database, the planner must find them through the child's
/// index, not by reading every held review in the service through the status index.
/// </summary>
public sealed class ChildReviewsQueryPlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var exit = await IroCommandLine.RunAsync(["db", "migrate"], TextWriter.Null, TextWriter.Null, _database.Settings);
        Assert.Equal(0, exit);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task One_childs_held_reviews_are_read_through_the_childs_index() =>
        await CommandHost.RunAsync(_database.Settings, async (services, ct) =>
        {
            var db = services.GetRequiredService<IroDbContext>();
            // The shape the timetable service uses: the children's query (carrying any scope) as a subquery.
            var children = db.Children.Where(c => c.Id == 42).Select(c => c.Id);
            var reviews = db.Reviews.AsNoTracking().Held().Where(r => children.Contains(r.ChildId)).Select(r => new { r.ChildId, r.Id, r.HeldOn });

            var plan = await PlanAsync(db, reviews.ToQueryString(), ct);

            Assert.Contains(plan, step => step.Contains("SEARCH r USING INDEX IX_Reviews_ChildId_", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("IX_Reviews_Status_HeldOn", StringComparison.Ordinal));
            return 0;
        }, CancellationToken.None);

    [Fact]
    public async Task A_childs_read_count_is_answered_from_the_audit_index_alone() =>
        await CommandHost.RunAsync(_database.Settings, async (services, ct) =>
        {
            var db = services.GetRequiredService<IroDbContext>();
            // What "who has opened this record" counts on every view of the record: however many reads a child has,
            // no audit row is read to count them.
            var reads = db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == Iro.Web.Audit.AuditLog.ReadAction && e.EntityKey == "C1"
                    && (e.EntityType == Iro.Web.Audit.AuditLog.ChildEntity || e.EntityType == Iro.Web.Features.Children.OpenedPage.LegacyTimetableEntity))
                .Select(e => e.Id);

            var plan = await PlanAsync(db, reads.ToQueryString(), ct);

            Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_AuditEntries_EntityType_EntityKey_Action", StringComparison.Ordinal));
            return 0;
        }, CancellationToken.None);

    private static async Task<List<string>> PlanAsync(IroDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) steps.Add(reader.GetString(3));
        return steps;
    }
}
