using Iro.Domain.Children;
using Iro.Domain.Officers;
using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Interchange.Ssda903TestSupport;

namespace Iro.Web.Tests.Features.Allocations;

/// <summary>A 903 return that ends a child's period of care closes their open allocation on the period's end date.</summary>
public sealed class AllocationImportClosingTests : IAsyncLifetime
{
    private static readonly DateOnly Dob = new(2010, 5, 5);
    private readonly List<TestDatabase> _databases = [];
    private readonly List<string> _directories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        foreach (var directory in _directories.Where(Directory.Exists)) Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_return_that_ends_the_period_closes_the_open_allocation_and_reimporting_changes_nothing(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        _databases.Add(database);
        var first = await RunAsync(database, "import", "ssda903", "--year", "2017-18", Write(Return("2017-18", end: null)));
        Assert.True(first.Exit == 0, first.Error);
        await using (var db = Open(database))
        {
            var officer = new ReviewingOfficer { Name = "Ada Lovelace", Email = "ada@test.example", Fte = 1, StartDate = new DateOnly(2015, 1, 1) };
            db.ReviewingOfficers.Add(officer);
            db.IroAllocations.Add(new IroAllocation { ChildId = await db.Children.Select(c => c.Id).SingleAsync(), ReviewingOfficer = officer, From = new DateOnly(2017, 6, 5) });
            await db.SaveChangesAsync();
        }

        // The child leaves care on 10 October 2018 (E4A: returned home).
        var secondYear = Write(Return("2018-19", end: new DateOnly(2018, 10, 10)));
        var second = await RunAsync(database, "import", "ssda903", "--year", "2018-19", secondYear);
        Assert.True(second.Exit == 0, second.Error);
        var closed = await StoredAsync(database);
        Assert.Equal((new DateOnly(2017, 6, 5), (DateOnly?)new DateOnly(2018, 10, 10)), (closed.From, closed.To));

        var again = await RunAsync(database, "import", "ssda903", "--year", "2018-19", secondYear);
        Assert.True(again.Exit == 0, again.Error);
        var unchanged = await StoredAsync(database);
        Assert.Equal((closed.To, closed.Version), (unchanged.To, unchanged.Version));
    }

    private static async Task<IroAllocation> StoredAsync(TestDatabase database)
    {
        await using var db = Open(database);
        return await db.IroAllocations.AsNoTracking().SingleAsync();
    }

    private string Write(Ssda903Return ret)
    {
        var directory = TempDir();
        _directories.Add(directory);
        Ssda903Writer.WriteDirectory(ret, directory, ret.Year);
        return directory;
    }

    private static Ssda903Return Return(string year, DateOnly? end)
    {
        var ret = new Ssda903Return(CollectionYear.Parse(year));
        ret.Header.Add(new HeaderRow { Child = "C1", SexCode = "1", Dob = Dob, Ethnic = "WBRI", Upn = "UN3" });
        ret.Episodes.Add(new EpisodeRow
        {
            Child = "C1", Decom = new DateOnly(2017, 6, 1), Rne = "S", Ls = "C2", Cin = "N1", Place = "U6", PlaceProvider = "PR1",
            Dec = Ssda903Date.FromDateOnly(end), Rec = end is null ? null : "E4A",
        });
        return ret;
    }
}
