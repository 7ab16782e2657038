using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// The demo borough holds its whole history (entered as if through the app). Exporting each collection year it
/// holds and importing the export again brings in nothing new, so no year's timeliness may change.
/// </summary>
public abstract class ReimportTimelinessTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly string[] ReturnYears = ["2023-24", "2024-25", "2025-26"];

    private TestDatabase _database = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _directory = Directory.CreateTempSubdirectory("iro-903-reimport-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Reimporting_an_unchanged_903_return_changes_no_years_timeliness()
    {
        await RunOkAsync("demo", "seed", "--children", "90", "--as-of", AsOf.ToString("yyyy-MM-dd"));
        var years = Enumerable.Range(AsOf.Year - 15, 16).Select(y => $"{y}-{(y + 1) % 100:D2}").ToArray();
        var before = await TimelinessAsync(years);

        foreach (var year in ReturnYears)
        {
            var folder = Path.Combine(_directory, year);
            await RunOkAsync("export", "ssda903", "--year", year, "--out", folder);
            await RunOkAsync("import", "ssda903", "--year", year, "--accept-warnings", folder);
        }

        Assert.Contains(before, t => t.Held > 100);
        Assert.Equal(before, await TimelinessAsync(years));
    }

    private async Task<(string Year, string Figures, int Held)[]> TimelinessAsync(string[] years)
    {
        var result = new List<(string, string, int)>();
        foreach (var year in years)
        {
            var csv = await RunOkAsync("reviews", "timeliness", "--year", year, "--format", "csv");
            var total = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Split(',');
            result.Add((year, csv, int.Parse(total[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return [.. result];
    }

    private async Task<string> RunOkAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, _database.Settings);
        Assert.True(exit == 0, $"iro {string.Join(' ', args)} exited {exit}: {error}{output}");
        return output.ToString();
    }
}

public sealed class ReimportTimelinessSqliteTests() : ReimportTimelinessTests(DatabaseProvider.Sqlite);

public sealed class ReimportTimelinessPostgresTests() : ReimportTimelinessTests(DatabaseProvider.Postgres);
