using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Interchange;

public sealed class TableScanSqliteTests(SqliteApp app) : TableScanTests(app, DatabaseProvider.Sqlite), IClassFixture<SqliteApp>;

public sealed class TableScanPostgresTests(PostgresApp app) : TableScanTests(app, DatabaseProvider.Postgres), IClassFixture<PostgresApp>;

/// <summary>A table read in storage order (the 903 export's episodes and reviews) answers exactly as the table does.</summary>
public abstract class TableScanTests(IroAppFactory app, DatabaseProvider provider)
{
    [Fact]
    public async Task Held_reviews_of_a_child_from_a_date_are_the_same_rows_read_either_way()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var first = await db.Reviews.AsNoTracking().Held().OrderBy(r => r.HeldOn).ThenBy(r => r.Id).Select(r => new { r.ChildId, r.HeldOn }).FirstAsync();
        var total = await db.Reviews.AsNoTracking().Held().CountAsync();

        var expected = await Ids(db.Reviews.AsNoTracking().Held().Where(r => r.HeldOn >= first.HeldOn && r.ChildId == first.ChildId));
        var scanned = await Ids(db.Scanned<Review>().AsNoTracking().Held().Where(r => r.HeldOn >= first.HeldOn && r.ChildId == first.ChildId));

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < total, "the filter leaves some reviews out");
        Assert.Equal(expected, scanned);
    }

    [Fact]
    public async Task A_childs_episodes_overlapping_a_window_are_the_same_rows_read_either_way()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var first = await db.CareEpisodes.AsNoTracking().OrderBy(e => e.Start).ThenBy(e => e.Id).Select(e => new { e.ChildId, e.Start }).FirstAsync();
        var (from, to) = (first.Start, first.Start.AddYears(1));
        var total = await db.CareEpisodes.AsNoTracking().CountAsync();

        var expected = await db.CareEpisodes.AsNoTracking().Overlapping(from, to).Where(e => e.ChildId == first.ChildId).Select(e => e.Id).OrderBy(id => id).ToListAsync();
        var scanned = await db.Scanned<CareEpisode>().AsNoTracking().Overlapping(from, to).Where(e => e.ChildId == first.ChildId).Select(e => e.Id).OrderBy(id => id).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < total, "the filter leaves some episodes out");
        Assert.Equal(expected, scanned);
    }

    [Fact]
    public async Task Only_SQLite_is_told_to_read_the_table_rather_than_an_index()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();

        var sql = db.Scanned<Review>().Held().Select(r => r.Id).ToQueryString();

        Assert.Equal(provider == DatabaseProvider.Sqlite, sql.Contains("NOT INDEXED", StringComparison.Ordinal));
    }

    private static Task<List<int>> Ids(IQueryable<Review> reviews) => reviews.Select(r => r.Id).OrderBy(id => id).ToListAsync();
}
