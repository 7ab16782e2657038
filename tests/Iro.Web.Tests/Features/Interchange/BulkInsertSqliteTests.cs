using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>
/// A large load into an empty SQLite table builds the table's indexes after the rows: they must come back exactly
/// as migrated, still enforce uniqueness, and a load that breaks one must write nothing. (Small loads and PostgreSQL's
/// COPY are exercised by every import test.)
/// </summary>
public sealed class BulkInsertSqliteTests : IAsyncLifetime
{
    private const int LargeLoad = 20_000;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await Ssda903TestSupport.MigrateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_large_load_into_an_empty_table_keeps_every_index_and_its_uniqueness()
    {
        await using var db = Ssda903TestSupport.Open(_database);
        var migrated = await IndexesAsync(db);
        await LoadAsync(db, Children(LargeLoad));

        Assert.Equal(LargeLoad, await db.Children.CountAsync());
        Assert.Equal(migrated, await IndexesAsync(db));
        Assert.Contains(migrated, sql => sql.Contains("UNIQUE", StringComparison.Ordinal));
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

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => LoadAsync(db, children));

        Assert.Equal(0, await db.Children.CountAsync());
        Assert.Equal(migrated, await IndexesAsync(db));
    }

    private static async Task LoadAsync(IroDbContext db, List<object> children)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, typeof(Child), children, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static List<object> Children(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => (object)new Child
        {
            LocalId = $"C{i:D6}", DateOfBirth = new DateOnly(2010, 1, 1).AddDays(i % 3000), Sex = Sex.F, Ethnicity = Enum.GetValues<Ethnicity>()[i % 5],
        }),
    ];

    private static async Task<List<string>> IndexesAsync(IroDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Children' AND sql IS NOT NULL ORDER BY name")
            .ToListAsync();
}
