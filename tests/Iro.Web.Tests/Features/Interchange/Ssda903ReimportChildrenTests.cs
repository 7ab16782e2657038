using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Interchange.Ssda903TestSupport;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>
/// A re-import compares the stored children on the columns the return carries: an equal child is left alone, a
/// changed one is updated with its local data kept, a new one is added, and a child the return no longer lists stays.
/// </summary>
public abstract class Ssda903ReimportChildrenTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly CollectionYear Year = CollectionYear.Parse("2023-24");
    private readonly List<string> _directories = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        foreach (var directory in _directories.Where(Directory.Exists)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Equal_children_are_left_alone_a_changed_one_is_updated_and_a_new_one_added()
    {
        var full = SyntheticReturnGenerator.Generate(12, 11, Year);
        var (added, changed, dropped) = (full.Header[0].Child, full.Header[1].Child, full.Header[2].Child);
        await ImportAsync(Without(full, added), expected: "children 11 added, 0 updated;");
        var droppedBefore = await ChildAsync(dropped);
        await using (var db = Open(_database))
        {
            await db.Children.Where(c => c.LocalId == changed).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstName, "Kept"));
        }

        var second = Without(full, dropped);
        var index = second.Header.FindIndex(h => h.Child == changed);
        var ethnic = second.Header[index].Ethnic == "WBRI" ? "WIRI" : "WBRI";
        second.Header[index] = second.Header[index] with { Ethnic = ethnic };
        var dir = await ImportAsync(second, expected: "children 1 added, 1 updated;");

        var updated = await ChildAsync(changed);
        Assert.Equal(Enum.Parse<Ethnicity>(ethnic), updated.Ethnicity);
        Assert.Equal("Kept", updated.FirstName);
        Assert.Equal(full.Header.Single(h => h.Child == added).Dob.Value, (await ChildAsync(added)).DateOfBirth);
        Assert.Equivalent(droppedBefore, await ChildAsync(dropped), strict: true);

        var again = await RunAsync(_database, "import", "ssda903", "--year", "2023-24", dir);
        Assert.True(again.Exit == 0, again.Error);
        Assert.Contains("children 0 added, 0 updated;", again.Output, StringComparison.Ordinal);
    }

    private async Task<string> ImportAsync(Ssda903Return ret, string expected)
    {
        var dir = TempDir();
        _directories.Add(dir);
        Ssda903Writer.WriteDirectory(ret, dir, ret.Year);
        var (exit, output, error) = await RunAsync(_database, "import", "ssda903", "--year", "2023-24", dir);
        Assert.True(exit == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        return dir;
    }

    private async Task<Child> ChildAsync(string localId)
    {
        await using var db = Open(_database);
        return await db.Children.AsNoTracking().SingleAsync(c => c.LocalId == localId);
    }

    /// <summary>The return without any row of one child.</summary>
    private static Ssda903Return Without(Ssda903Return ret, string child)
    {
        var copy = new Ssda903Return(ret.Year);
        foreach (var table in Ssda903Schema.Tables)
        {
            foreach (var row in ret.Rows(table).Where(r => r.Child != child)) copy.Add(row);
        }

        return copy;
    }
}

public sealed class Ssda903ReimportChildrenSqliteTests() : Ssda903ReimportChildrenTests(DatabaseProvider.Sqlite);

public sealed class Ssda903ReimportChildrenPostgresTests() : Ssda903ReimportChildrenTests(DatabaseProvider.Postgres);
