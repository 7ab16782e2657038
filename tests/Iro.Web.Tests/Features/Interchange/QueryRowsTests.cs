using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Interchange;

public sealed class QueryRowsSqliteTests(SqliteApp app) : QueryRowsTests(app), IClassFixture<SqliteApp>;

public sealed class QueryRowsPostgresTests(PostgresApp app) : QueryRowsTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A query's rows read on a connection of their own (the 903 export reads its episodes so while the context's
/// connection reads the rest) are the rows EF gives for the same query, and a transaction's own writes are seen.
/// </summary>
public abstract class QueryRowsTests(IroAppFactory app)
{
    [Fact]
    public async Task Rows_read_on_a_connection_of_their_own_are_the_rows_the_query_gives()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var query = db.Children.AsNoTracking().Where(c => c.Id % 2 == 1).Select(c => new { c.Id, c.LocalId });
        var expected = (await query.ToListAsync()).Select(c => (c.Id, c.LocalId)).Order().ToList();

        var read = new List<(int, string)>();
        await query.ReadEachOnOwnConnectionAsync(db, r => read.Add((r.GetInt32(0), r.GetString(1))), CancellationToken.None);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, read.Order().ToList());
    }

    [Fact]
    public async Task Inside_a_transaction_its_own_writes_are_read()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var id = await db.Children.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Children.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LocalId, "TX-WRITTEN"));

        var read = new List<string>();
        await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => c.LocalId)
            .ReadEachOnOwnConnectionAsync(db, r => read.Add(r.GetString(0)), CancellationToken.None);
        await transaction.RollbackAsync();

        Assert.Equal(["TX-WRITTEN"], read);
    }
}
