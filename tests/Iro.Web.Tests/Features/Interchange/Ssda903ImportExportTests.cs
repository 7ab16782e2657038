using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Interchange.Ssda903TestSupport;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>903 import and export through the command line, on SQLite and PostgreSQL.</summary>
public sealed class Ssda903ImportExportTests : IAsyncLifetime
{
    private static readonly CollectionYear Year2017 = CollectionYear.Parse("2017-18");
    private readonly List<TestDatabase> _databases = [];
    private readonly List<string> _directories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        foreach (var directory in _directories.Where(Directory.Exists)) Directory.Delete(directory, recursive: true);
    }

    private async Task<TestDatabase> NewDatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        _databases.Add(database);
        return database;
    }

    private string NewDirectory()
    {
        var directory = TempDir();
        _directories.Add(directory);
        return directory;
    }

    private string WriteReturn(Ssda903Return ret)
    {
        var directory = NewDirectory();
        Ssda903Writer.WriteDirectory(ret, directory, ret.Year);
        return directory;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_fake_data_is_refused_with_its_findings_and_nothing_is_written(DatabaseProvider provider)
    {
        var database = await NewDatabaseAsync(provider);
        var (exit, output, error) = await RunAsync(database, "import", "ssda903", "--year", "2017-18", FakeDataDir);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        // Each finding names rule, file, table, row and the fields with their values.
        Assert.Matches(@"error \w+ episodes\.csv \(Episodes\) row \d+ child \w+: .+ \[\w+='[^']*'", error);
        Assert.Matches(@"error 168 header\.csv \(Header\) row \d+ child \w+: Unique Pupil Number \(UPN\) is not valid\..* \[UPN='[^']*'\]", error);
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0), await CountAsync(database));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_demo_borough_exports_validly_and_round_trips_to_identical_files(DatabaseProvider provider)
    {
        var demo = await NewDatabaseAsync(provider);
        Assert.Equal(0, (await RunAsync(demo, "demo", "seed", "--children", "60", "--as-of", "2026-11-27")).Exit);

        foreach (var year in new[] { "2024-25", "2025-26" })
        {
            var first = NewDirectory();
            var (exit, output, error) = await RunAsync(demo, "export", "ssda903", "--year", year, "--out", first);
            Assert.True(exit == 0, error);
            Assert.Equal(string.Empty, error);
            Assert.Matches(@"Wrote \d{4}-\d\d: [1-9]\d* children, [1-9]\d* episodes, [1-9]\d* reviews", output);
            var read = Ssda903Reader.ReadDirectory(first, CollectionYear.Parse(year));
            Assert.Empty(read.Findings);
            var errors = Ssda903Validator.Validate(read.Return, read.Return.Year).Where(f => f.Severity == FindingSeverity.Error).Select(FindingText.Describe).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));

            var copy = await NewDatabaseAsync(provider);
            var imported = await RunAsync(copy, "import", "ssda903", "--year", year, first);
            Assert.True(imported.Exit == 0, imported.Error);

            var second = NewDirectory();
            Assert.Equal(0, (await RunAsync(copy, "export", "ssda903", "--year", year, "--out", second)).Exit);
            var firstFiles = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(firstFiles, Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
            Assert.Contains("sw_episodes.csv", firstFiles);
            Assert.Contains("uasc.csv", firstFiles);
            foreach (var file in firstFiles)
            {
                var before = await File.ReadAllBytesAsync(Path.Combine(first, file!));
                var after = await File.ReadAllBytesAsync(Path.Combine(second, file!));
                if (!before.SequenceEqual(after))
                {
                    var (a, b) = (System.Text.Encoding.UTF8.GetString(before).Split('\n'), System.Text.Encoding.UTF8.GetString(after).Split('\n'));
                    var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i]);
                    Assert.Fail($"{year} {file} differs after the round trip at line {line + 1}: '{a[line]}' became '{b[line]}' ({a.Length} and {b.Length} lines)");
                }
            }

            // Importing the export into another empty database gives the same data.
            var again = await NewDatabaseAsync(provider);
            Assert.Equal(0, (await RunAsync(again, "import", "ssda903", "--year", year, second)).Exit);
            Assert.Equal(await FingerprintAsync(copy), await FingerprintAsync(again));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, false)]
    public async Task Two_consecutive_years_build_one_continuous_history(DatabaseProvider provider, bool laterYearFirst)
    {
        var database = await NewDatabaseAsync(provider);
        var (year1, year2) = (WriteReturn(TwoYears.First()), WriteReturn(TwoYears.Second()));
        foreach (var (name, dir) in laterYearFirst ? new[] { ("2018-19", year2), ("2017-18", year1) } : new[] { ("2017-18", year1), ("2018-19", year2) })
        {
            var run = await RunAsync(database, "import", "ssda903", "--year", name, dir);
            Assert.True(run.Exit == 0, run.Error);
        }

        await using var db = Open(database);
        var child = await db.Children.Include(c => c.Episodes).Include(c => c.Reviews).SingleAsync(c => c.LocalId == "C1");
        var episodes = child.Episodes.OrderBy(e => e.Start).ToList();
        Assert.Equal(2, episodes.Count);
        Assert.Equal(new DateOnly(2017, 6, 1), episodes[0].Start);
        Assert.Equal(new DateOnly(2018, 10, 10), episodes[0].End);
        Assert.Equal(Iro.Domain.Codes.ReasonEpisodeCeased.X1, episodes[0].ReasonCeased);
        Assert.Null(episodes[1].End);
        Assert.Equal(3, child.Reviews.Count);
        Assert.Equal("C1", child.DisplayName);
        Assert.False(await db.IroAllocations.AnyAsync());
        Assert.Equal(new DateOnly(2017, 4, 1), await ImportHistory.EarliestYearStartAsync(db, CancellationToken.None));

        // Export of the first year gives back the episode as it was open at 31 March 2018.
        var exported = NewDirectory();
        var export = await RunAsync(database, "export", "ssda903", "--year", "2017-18", "--out", exported);
        Assert.True(export.Exit == 0, export.Error);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(year1, "episodes.csv")),
            await File.ReadAllTextAsync(Path.Combine(exported, "episodes.csv")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task One_bad_row_in_the_middle_writes_nothing_and_is_named(DatabaseProvider provider)
    {
        var database = await NewDatabaseAsync(provider);
        var dir = WriteReturn(SyntheticReturnGenerator.Generate(60, 11, Year2017));
        var path = Path.Combine(dir, "episodes.csv");
        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        var middle = lines.Count / 2;
        var cells = lines[middle].Split(',');
        cells[1] = "31/02/2018";
        lines[middle] = string.Join(',', cells);
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");

        var (exit, _, error) = await RunAsync(database, "import", "ssda903", "--year", "2017-18", dir);

        Assert.Equal(1, exit);
        // Line index `middle` of the file is spreadsheet row middle + 1 (the header is row 1).
        Assert.Contains($"error 141 episodes.csv (Episodes) row {middle + 1} child {cells[0]}: Date episode began is not a valid date. [DECOM='31/02/2018']", error, StringComparison.Ordinal);
        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0), await CountAsync(database));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Importing_the_same_files_again_changes_nothing(DatabaseProvider provider)
    {
        var database = await NewDatabaseAsync(provider);
        var dir = WriteReturn(SyntheticReturnGenerator.Generate(120, 5, CollectionYear.Parse("2023-24")));
        var first = await RunAsync(database, "import", "ssda903", "--year", "2023-24", dir);
        Assert.True(first.Exit == 0, first.Error);
        var counts = await CountAsync(database);
        var fingerprint = await FingerprintAsync(database);
        Assert.Equal(120, counts.Children);
        Assert.True(counts.Missing > 0 && counts.Outcomes > 0 && counts.Stored > 0 && counts.Headers > 0, counts.ToString());

        var second = await RunAsync(database, "import", "ssda903", "--year", "2023-24", dir);

        Assert.Equal(0, second.Exit);
        Assert.Contains("children 0 added, 0 updated; episodes 0 added, 0 updated; reviews 0 added, 0 updated; other rows 0 added, 0 updated", second.Output, StringComparison.Ordinal);
        Assert.Equal(counts with { Imports = 2 }, await CountAsync(database));
        Assert.Equal(fingerprint, await FingerprintAsync(database));
    }

    [Fact]
    public async Task Warnings_only_need_accept_warnings()
    {
        var database = await NewDatabaseAsync(DatabaseProvider.Sqlite);
        var dir = WriteReturn(SyntheticReturnGenerator.Generate(30, 9, Year2017));
        // A second file with the header's columns is a reading warning (the first in name order is used).
        File.Copy(Path.Combine(dir, "header.csv"), Path.Combine(dir, "zz_header_copy.csv"));

        var refused = await RunAsync(database, "import", "ssda903", "--year", "2017-18", dir);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("warning READ-DUPLICATE-TABLE zz_header_copy.csv", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--accept-warnings", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await CountAsync(database)).Children);

        var accepted = await RunAsync(database, "import", "ssda903", "--year", "2017-18", "--accept-warnings", dir);
        Assert.Equal(0, accepted.Exit);
        Assert.Equal(30, (await CountAsync(database)).Children);
        await using var db = Open(database);
        Assert.Equal(1, (await db.Set<Ssda903Import>().SingleAsync()).Warnings);
    }

    [Fact]
    public async Task A_bad_year_is_refused_by_the_command_line()
    {
        var database = await NewDatabaseAsync(DatabaseProvider.Sqlite);
        var (exit, _, error) = await RunAsync(database, "import", "ssda903", "--year", "2017", FakeDataDir);
        Assert.NotEqual(0, exit);
        Assert.Contains("not a collection year", error, StringComparison.Ordinal);
    }

    /// <summary>One child across two years: the episode open at 31 March 2018 closes in October 2018.</summary>
    private static class TwoYears
    {
        private static readonly DateOnly Dob = new(2010, 5, 5);

        public static Ssda903Return First()
        {
            var ret = new Ssda903Return(Year2017);
            Header(ret, "1");
            ret.Episodes.Add(Episode(new DateOnly(2017, 6, 1), "S", "U6", null, null, null));
            ret.Reviews.Add(new ReviewRow { Child = "C1", Dob = Dob, Review = new DateOnly(2017, 6, 28), ReviewCode = "PN1" });
            ret.Reviews.Add(new ReviewRow { Child = "C1", Dob = Dob, Review = new DateOnly(2017, 9, 20), ReviewCode = "PN6" });
            return ret;
        }

        public static Ssda903Return Second()
        {
            var ret = new Ssda903Return(CollectionYear.Parse("2018-19"));
            Header(ret, "1");
            ret.Episodes.Add(Episode(new DateOnly(2017, 6, 1), "S", "U6", new DateOnly(2018, 10, 10), "X1", "CARPL"));
            ret.Episodes.Add(Episode(new DateOnly(2018, 10, 10), "P", "U4", null, null, null));
            ret.Reviews.Add(new ReviewRow { Child = "C1", Dob = Dob, Review = new DateOnly(2019, 3, 10), ReviewCode = "PN1" });
            return ret;
        }

        private static void Header(Ssda903Return ret, string sex) =>
            ret.Header.Add(new HeaderRow { Child = "C1", SexCode = sex, Dob = Dob, Ethnic = "WBRI", Upn = "UN3" });

        private static EpisodeRow Episode(DateOnly start, string rne, string place, DateOnly? end, string? rec, string? reasonPlaceChange) => new()
        {
            Child = "C1", Decom = start, Rne = rne, Ls = "C2", Cin = "N1", Place = place, PlaceProvider = "PR1",
            Dec = Ssda903Date.FromDateOnly(end), Rec = rec, ReasonPlaceChange = reasonPlaceChange,
        };
    }
}
