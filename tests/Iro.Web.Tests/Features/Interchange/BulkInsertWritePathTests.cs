using System.Data.Common;
using System.Text.RegularExpressions;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>One migrated database shared by a class's tests (each test writes children of its own).</summary>
public abstract class BulkInsertDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await Ssda903TestSupport.MigrateAsync(Database);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteBulkInsertDatabase() : BulkInsertDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresBulkInsertDatabase() : BulkInsertDatabase(DatabaseProvider.Postgres);

/// <summary>
/// Rows written by <see cref="BulkInsert"/> (SQLite's multi-row statements bound by position, PostgreSQL's binary COPY)
/// are stored exactly as EF Core stores the same entity: every column compared as the database returns it (on SQLite
/// that includes the storage class: an integer is not the text of a number).
/// </summary>
public abstract class BulkInsertWritePathTests<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : BulkInsertDatabase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Rows_with_every_column_filled_or_empty_are_stored_as_ef_core_stores_them()
    {
        await using var db = Ssda903TestSupport.Open(fixture.Database);
        db.Children.AddRange(FullChild("EF-FULL"), EmptyChild("EF-EMPTY"));
        await db.SaveChangesAsync();
        await InTransactionAsync(db, () => BulkInsert.InsertAsync(db, typeof(Child), [FullChild("BK-FULL"), EmptyChild("BK-EMPTY")], None));
        var ids = await db.Children.Where(c => c.LocalId.EndsWith("-FULL") || c.LocalId.EndsWith("-EMPTY")).ToDictionaryAsync(c => c.LocalId, c => c.Id);

        db.CareEpisodes.AddRange(FullEpisode(ids["EF-FULL"]), EmptyEpisode(ids["EF-EMPTY"]));
        await db.SaveChangesAsync();
        await InTransactionAsync(db, () => BulkInsert.InsertAsync(db, typeof(CareEpisode), [FullEpisode(ids["BK-FULL"]), EmptyEpisode(ids["BK-EMPTY"])], None));

        foreach (var kind in new[] { "FULL", "EMPTY" })
        {
            var (viaEf, viaBulk) = (ids["EF-" + kind], ids["BK-" + kind]);
            Assert.Equal(Without(await RowAsync(db, "Children", "Id", viaEf), "Id", "LocalId"), Without(await RowAsync(db, "Children", "Id", viaBulk), "Id", "LocalId"));
            Assert.Equal(Without(await RowAsync(db, "CareEpisodes", "ChildId", viaEf), "Id", "ChildId"), Without(await RowAsync(db, "CareEpisodes", "ChildId", viaBulk), "Id", "ChildId"));
        }
    }

    [Fact]
    public async Task Reviews_written_from_their_values_are_stored_as_new_review_entities_are()
    {
        await using var db = Ssda903TestSupport.Open(fixture.Database);
        var (viaEf, viaRows) = (EmptyChild("RV-EF"), EmptyChild("RV-ROWS"));
        db.Children.AddRange(viaEf, viaRows);
        await db.SaveChangesAsync();
        db.Reviews.AddRange(
            new Review { ChildId = viaEf.Id, HeldOn = new DateOnly(2025, 5, 10), Participation = ParticipationCode.PN4 },
            new Review { ChildId = viaEf.Id, HeldOn = new DateOnly(2025, 11, 2) });
        await db.SaveChangesAsync();
        var values = new Dictionary<string, Func<(DateOnly HeldOn, ParticipationCode? Code), object?>>
        {
            ["ChildId"] = _ => viaRows.Id, ["HeldOn"] = r => r.HeldOn, ["Participation"] = r => r.Code, ["Version"] = _ => Guid.NewGuid(),
        };
        await InTransactionAsync(db, () => BulkInsert.InsertRowsAsync(db, typeof(Review), [(new DateOnly(2025, 5, 10), ParticipationCode.PN4), (new DateOnly(2025, 11, 2), null)], values, null, None));

        var stored = await RowsAsync(db, "Reviews", "ChildId", viaEf.Id);
        var written = await RowsAsync(db, "Reviews", "ChildId", viaRows.Id);
        Assert.Equal(2, written.Count);
        Assert.Equal(stored.Select(r => Without(r, "Id", "ChildId", "Version")), written.Select(r => Without(r, "Id", "ChildId", "Version")));
        Assert.Equal(stored.Select(r => VersionShape(r["Version"])), written.Select(r => VersionShape(r["Version"])));
        Assert.NotEqual(written[0]["Version"], written[1]["Version"]);
    }

    [Fact]
    public async Task Rows_given_as_values_must_give_a_default_that_differs_per_entity()
    {
        await using var db = Ssda903TestSupport.Open(fixture.Database);
        var values = new Dictionary<string, Func<int, object?>> { ["ChildId"] = id => id, ["HeldOn"] = _ => new DateOnly(2025, 5, 10) };

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertRowsAsync(db, typeof(Review), [1], values, null, None));
    }

    [Fact]
    public async Task Rows_filling_whole_statements_and_a_remainder_are_all_stored_as_given()
    {
        await using var db = Ssda903TestSupport.Open(fixture.Database);
        var children = Enumerable.Range(0, 2 * RowsPerStatement(db) + 3).Select(i => Child("BATCH", i)).ToList();

        await InTransactionAsync(db, () => BulkInsert.InsertAsync(db, typeof(Child), [.. children], None));

        var stored = await db.Children.AsNoTracking().Where(c => c.LocalId.StartsWith("BATCH")).OrderBy(c => c.LocalId).ToListAsync();
        Assert.Equal(children.Select(Describe), stored.Select(Describe));
    }

    [Fact]
    public async Task A_duplicate_in_a_later_statement_rolls_back_the_statements_before_it()
    {
        await using var db = Ssda903TestSupport.Open(fixture.Database);
        var perStatement = RowsPerStatement(db);
        var children = Enumerable.Range(0, perStatement + 5).Select(i => (object)Child("DUP", i)).ToList();
        children[perStatement + 2] = Child("DUP", 0);

        await Assert.ThrowsAnyAsync<DbException>(() => InTransactionAsync(db, () => BulkInsert.InsertAsync(db, typeof(Child), children, None)));

        Assert.Equal(0, await db.Children.CountAsync(c => c.LocalId.StartsWith("DUP")));
    }

    /// <summary>Rows per SQLite statement for a child with every column filled (PostgreSQL's COPY has no statements).</summary>
    private static int RowsPerStatement(IroDbContext db) =>
        SqliteRowsStatement.RowsPerStatement(db.Model.FindEntityType(typeof(Child))!.GetProperties().Count(p => !p.IsPrimaryKey()));

    private static async Task InTransactionAsync(IroDbContext db, Func<Task> write)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await write();
        await transaction.CommitAsync();
    }

    private static Child FullChild(string localId) => new()
    {
        LocalId = localId, FirstName = "Ada", LastName = "O'Neil", DateOfBirth = new DateOnly(2011, 2, 28), Sex = Sex.F, Ethnicity = Ethnicity.MWBC,
        Upn = "A123456789012", IsUnaccompaniedAsylumSeeker = true, UascCeased = new DateOnly(2029, 2, 28), HasDisability = true, SiblingGroup = "G7",
        NeedsAssessmentOn = new DateOnly(2024, 12, 31), PathwayPlanOn = new DateOnly(2026, 1, 9),
    };

    private static Child EmptyChild(string localId) => new() { LocalId = localId, DateOfBirth = new DateOnly(2015, 7, 1), Sex = Sex.M, Ethnicity = Ethnicity.WBRI };

    private static Child Child(string prefix, int i) => new()
    {
        LocalId = $"{prefix}{i:D5}", DateOfBirth = new DateOnly(2008, 1, 1).AddDays(i * 17), Sex = i % 2 == 0 ? Sex.F : Sex.M,
        Ethnicity = Enum.GetValues<Ethnicity>()[i % 7], Upn = i % 3 == 0 ? null : $"U{i:D12}", IsUnaccompaniedAsylumSeeker = i % 4 == 0,
        UascCeased = i % 4 == 0 ? new DateOnly(2027, 3, 31) : null, FirstName = i % 5 == 0 ? null : $"Name {i}",
    };

    private static string Describe(Child c) =>
        $"{c.LocalId}|{c.DateOfBirth}|{c.Sex}|{c.Ethnicity}|{c.Upn}|{c.IsUnaccompaniedAsylumSeeker}|{c.UascCeased}|{c.FirstName}|{c.LastName}|{c.HasDisability}";

    private static CareEpisode FullEpisode(int childId) => new()
    {
        ChildId = childId, Start = new DateOnly(2024, 4, 1), ReasonForNewEpisode = ReasonForNewEpisode.P, LegalStatus = LegalStatus.C2,
        CategoryOfNeed = CategoryOfNeed.N4, Placement = PlacementType.U4, PlacementProvider = PlacementProvider.PR1, End = new DateOnly(2025, 3, 14),
        ReasonCeased = ReasonEpisodeCeased.E11, ReasonPlaceChange = ReasonPlaceChange.CARPL, HomePostcode = "AB1 2CD", PlacementPostcode = "EF3 4GH", Urn = "SC123456",
    };

    private static CareEpisode EmptyEpisode(int childId) => new()
    {
        ChildId = childId, Start = new DateOnly(2025, 1, 6), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.V2,
        CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.K2,
    };

    private static Dictionary<string, object?> Without(Dictionary<string, object?> row, params string[] columns) =>
        row.Where(c => !columns.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value);

    /// <summary>A stamp's stored form with its hexadecimal digits (upper case only) masked: EF Core's form, or a GUID type.</summary>
    private static string VersionShape(object? version) =>
        version is string text ? Regex.Replace(text, "[0-9A-F]", "x") : version?.GetType().Name ?? "null";

    private static async Task<Dictionary<string, object?>> RowAsync(IroDbContext db, string table, string key, int id) =>
        Assert.Single(await RowsAsync(db, table, key, id));

    /// <summary>Every column of the rows as the database returns it, in the order of their ids.</summary>
    private static async Task<List<Dictionary<string, object?>>> RowsAsync(IroDbContext db, string table, string key, int id)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = {id} ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }
}

public sealed class BulkInsertWritePathSqliteTests(SqliteBulkInsertDatabase fixture) : BulkInsertWritePathTests<SqliteBulkInsertDatabase>(fixture);

public sealed class BulkInsertWritePathPostgresTests(PostgresBulkInsertDatabase fixture) : BulkInsertWritePathTests<PostgresBulkInsertDatabase>(fixture);
