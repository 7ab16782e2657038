using System.Diagnostics;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web;
using Iro.Web.Data;
using Iro.Web.Demo;
using Iro.Web.Features.Interchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// The set-up the database benchmarks share: the app over a fresh SQLite file, filled either with the demo borough
/// at a given scale or with a generated national-scale SSDA903 return imported as the product imports one; the file
/// is deleted afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _file;
    private readonly bool _keep;
    private readonly WebApplication _app;

    private BenchDatabase(string file, bool keep, WebApplication app)
    {
        _file = file;
        _keep = keep;
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>What was loaded and how long it took, for the benchmark's output.</summary>
    public string Loaded { get; private set; } = "";

    /// <summary>
    /// The demo borough at the given scale, seeded through <see cref="DemoSeeder"/>. A <paramref name="keptFile"/>
    /// is kept afterwards and, once seeded, reused by later runs (seeding a large borough takes many minutes).
    /// </summary>
    public static Task<BenchDatabase> DemoBoroughAsync(string name, int children, DateOnly today, string? keptFile = null)
    {
        var seeded = keptFile is not null && File.Exists(keptFile) && new FileInfo(keptFile).Length > 0;
        return CreateAsync(name, keptFile, async (services, watch) =>
        {
            if (seeded) return $"Reused the seeded database {keptFile}";
            var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(2026, children, today, false, CancellationToken.None);
            return $"{result.Message} (seeded in {watch.Elapsed.TotalSeconds:N0} s)";
        });
    }

    /// <summary>
    /// A generated national-scale return (seed 903) for the collection year, written as CSV and imported through the
    /// product's importer. A <paramref name="keptFile"/> is kept afterwards and, once imported, reused by later runs.
    /// </summary>
    public static Task<BenchDatabase> NationalReturnAsync(string name, int children, CollectionYear year, string? keptFile = null)
    {
        var imported = keptFile is not null && File.Exists(keptFile) && new FileInfo(keptFile).Length > 0;
        return CreateAsync(name, keptFile, async (services, watch) =>
        {
            if (imported) return $"Reused the imported database {keptFile}";
            var dir = Directory.CreateTempSubdirectory("iro-bench-return-").FullName;
            try
            {
                Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(children, seed: 903, year, SyntheticOptions.NationalBenchmark), dir, year);
                await services.GetRequiredService<IroDbContext>().Database.MigrateAsync();
                var outcome = await services.GetRequiredService<Ssda903Importer>().ImportAsync(
                    Ssda903Importer.Read([dir], year), "benchmark", new ImportUser("bench", "bench"), acceptWarnings: true, null, CancellationToken.None);
                if (outcome.Status != ImportStatus.Imported) throw new InvalidOperationException($"The generated return was not imported: {outcome.Status}");
                var record = outcome.Record!;
                return $"Imported a generated {year.Name} return: {record.ChildrenAdded:N0} children, {record.EpisodesAdded:N0} episodes, {record.ReviewsAdded:N0} reviews (in {watch.Elapsed.TotalSeconds:N0} s)";
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });
    }

    private static async Task<BenchDatabase> CreateAsync(string name, string? keptFile, Func<IServiceProvider, Stopwatch, Task<string>> load)
    {
        var file = keptFile ?? Path.Combine(Path.GetTempPath(), $"iro-bench-{name}-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Iro"] = $"Data Source={file}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var database = new BenchDatabase(file, keptFile is not null, IroWebApp.CreateBuilder([], settings).Build());
        try
        {
            await using var scope = database.Services.CreateAsyncScope();
            database.Loaded = await load(scope.ServiceProvider, Stopwatch.StartNew());
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in _keep ? [] : new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(_file + suffix)) File.Delete(_file + suffix);
        }
    }
}
