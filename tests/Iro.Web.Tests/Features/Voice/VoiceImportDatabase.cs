using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>
/// A database with six children (C1 to C6) and their care episodes, shared by one provider's child's-voice import
/// and summary tests. At 31 March 2018 C1, C2, C4 and C6 are looked after (C3's episode ceased that day, C5's in
/// January 2017). Placement moves: C1 on 1 April 2017, C2 on 10 October 2017, C6 on 1 April 2018.
/// </summary>
public abstract class VoiceImportDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public string Directory { get; private set; } = null!;
    public Dictionary<string, int> Children { get; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Directory = System.IO.Directory.CreateTempSubdirectory("iro-voice-").FullName;
        var (exit, _, error) = await RunAsync("db", "migrate");
        Assert.True(exit == 0, error);
        await WithDbAsync(async db =>
        {
            AddChild(db, "C1", Ep("2016-01-01", "2017-04-01"), Ep("2017-04-01", null, ReasonForNewEpisode.T, PlacementType.U5));
            AddChild(db, "C2", Ep("2017-05-01", "2017-10-10"), Ep("2017-10-10", null, ReasonForNewEpisode.P, PlacementType.U4));
            AddChild(db, "C3", Ep("2015-01-01", "2018-03-31"));
            AddChild(db, "C4", Ep("2018-03-31", null));
            AddChild(db, "C5", Ep("2016-01-01", "2017-01-01"));
            AddChild(db, "C6", Ep("2017-01-01", "2018-04-01"), Ep("2018-04-01", null, ReasonForNewEpisode.P, PlacementType.U4));
            await db.SaveChangesAsync();
            foreach (var child in db.Children.Local) Children[child.LocalId] = child.Id;
            return 0;
        });
    }

    private static void AddChild(IroDbContext db, string id, params CareEpisode[] episodes) =>
        db.Children.Add(new Child
        {
            LocalId = id, FirstName = "Child", LastName = id, DateOfBirth = new DateOnly(2005, 5, 20), Sex = Sex.F,
            Ethnicity = Ethnicity.WBRI, Upn = "UN1", Episodes = [.. episodes],
        });

    private static CareEpisode Ep(string start, string? end, ReasonForNewEpisode reason = ReasonForNewEpisode.S, PlacementType placement = PlacementType.U6) => new()
    {
        Start = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        End = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        ReasonForNewEpisode = reason, LegalStatus = LegalStatus.C2, CategoryOfNeed = CategoryOfNeed.N1, Placement = placement,
        ReasonCeased = end is null ? null : ReasonEpisodeCeased.X1,
    };

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, Database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs work against the database through the same service container as the command line.</summary>
    public async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> work)
    {
        T result = default!;
        await CommandHost.RunAsync(Database.Settings, async (services, _) =>
        {
            result = await work(services.GetRequiredService<IroDbContext>());
            return 0;
        }, CancellationToken.None);
        return result;
    }
}

public sealed class SqliteVoiceImportDatabase() : VoiceImportDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresVoiceImportDatabase() : VoiceImportDatabase(DatabaseProvider.Postgres);
