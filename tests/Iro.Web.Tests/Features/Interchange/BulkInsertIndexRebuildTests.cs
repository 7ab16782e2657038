using System.Data.Common;
using System.Diagnostics;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Data;
using Iro.Web.Operations.Telemetry;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>
/// A large load into an empty table drops the table's indexes and builds them after the rows, on both databases:
/// the indexes come back as migrated (the model's indexes, same definitions), still enforce uniqueness, and a load
/// that breaks one writes nothing and leaves the indexes in place. Each test has a database of its own: the load
/// needs an empty table.
/// </summary>
public abstract class BulkInsertIndexRebuildTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int LargeLoad = 20_000;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await Ssda903TestSupport.MigrateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_large_load_into_an_empty_table_leaves_the_models_indexes_as_migrated()
    {
        await using var db = Ssda903TestSupport.Open(_database);
        var migrated = await IndexesAsync(db);
        var modelIndexes = db.Model.FindEntityType(typeof(Child))!.GetIndexes().Select(i => i.GetDatabaseName()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(modelIndexes, migrated.Keys.Order(StringComparer.Ordinal).ToList());

        var steps = await LoadAsync(db, Children(LargeLoad));

        Assert.Contains("bulk insert: drop indexes", steps);
        Assert.Contains("bulk insert: build indexes", steps);
        Assert.Equal(LargeLoad, await db.Children.CountAsync());
        Assert.Equal(migrated, await IndexesAsync(db));
        db.Children.Add((Child)Children(1)[0]);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_large_load_that_breaks_a_unique_index_writes_nothing_and_keeps_the_indexes()
    {
        await using var db = Ssda903TestSupport.Open(_database);
        var migrated = await IndexesAsync(db);
        var children = Children(LargeLoad);
        children[^1] = Children(1)[0];

        await Assert.ThrowsAnyAsync<DbException>(() => LoadAsync(db, children));

        Assert.Equal(0, await db.Children.CountAsync());
        Assert.Equal(migrated, await IndexesAsync(db));
    }

    /// <summary>Loads the children in one transaction; returns the traced steps of this load (so a test knows the indexes were rebuilt).</summary>
    private static async Task<List<string>> LoadAsync(IroDbContext db, List<object> children)
    {
        using var source = new ActivitySource("test load");
        var steps = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source || s.Name == IroTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        using var load = source.StartActivity("load")!;
        listener.ActivityStopped = a =>
        {
            // Only this load's own steps: other tests may trace bulk inserts at the same time.
            for (var parent = a.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent != load) continue;
                lock (steps) steps.Add(a.DisplayName);
                break;
            }
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, typeof(Child), children, CancellationToken.None);
        await transaction.CommitAsync();
        return steps;
    }

    private static List<object> Children(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => (object)new Child
        {
            LocalId = $"C{i:D6}", DateOfBirth = new DateOnly(2010, 1, 1).AddDays(i % 3000), Sex = Sex.F, Ethnicity = Enum.GetValues<Ethnicity>()[i % 5],
        }),
    ];

    /// <summary>The Children table's indexes other than its primary key, each with the statement that defines it.</summary>
    private async Task<Dictionary<string, string>> IndexesAsync(IroDbContext db)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? """SELECT indexname || '|' || indexdef AS "Value" FROM pg_indexes WHERE tablename = 'Children' AND indexname <> 'PK_Children'"""
            : """SELECT name || '|' || sql AS "Value" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Children' AND sql IS NOT NULL""";
        var rows = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        return rows.Select(r => r.Split('|', 2)).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
    }
}

public sealed class BulkInsertIndexRebuildSqliteTests() : BulkInsertIndexRebuildTests(DatabaseProvider.Sqlite);

public sealed class BulkInsertIndexRebuildPostgresTests() : BulkInsertIndexRebuildTests(DatabaseProvider.Postgres);
