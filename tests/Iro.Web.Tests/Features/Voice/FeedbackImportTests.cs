using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Voice;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Voice;

/// <summary><c>iro import feedback</c> on both databases: a good file, bad rows writing nothing, re-imports adding nothing.</summary>
public sealed class FeedbackImportTests : IAsyncLifetime
{
    private const string Header = "received_on,child,age_group,life_getting_better,knows_iro,can_contact_iro,feels_listened_to";
    private readonly List<TestDatabase> _databases = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("iro-feedback-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_good_file_is_imported_and_importing_it_again_adds_only_rows_beyond_those_stored(DatabaseProvider provider)
    {
        var database = await DatabaseWithChildAsync(provider);
        string[] rows =
        [
            "2018-02-01,C1,11-18,Yes,yes,NO,not sure",
            "2018-02-01,,8-11,not sure,,,",
            "2018-02-01,,8-11,not sure,,,",
            "2018-03-05,,under8,yes,yes,yes,yes",
        ];
        var file = Write("survey.csv", [Header, .. rows]);

        var first = await RunAsync(database, "import", "feedback", "--file", file);
        var again = await RunAsync(database, "import", "feedback", "--file", file);
        // A later file repeats the anonymous return once more: only the third copy is new.
        var more = await RunAsync(database, "import", "feedback", "--file", Write("more.csv", Header, rows[1], rows[1], rows[1]));

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("4 added, 0 already present", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 4 already present", again.Output, StringComparison.Ordinal);
        Assert.Contains("1 added, 2 already present", more.Output, StringComparison.Ordinal);
        var stored = await StoredAsync(database);
        Assert.Equal(5, stored.Count);
        var named = Assert.Single(stored, f => f.ChildId is not null);
        Assert.Equal(
            (new DateOnly(2018, 2, 1), FeedbackAgeGroup.From11To18, FeedbackAnswer.Yes, FeedbackAnswer.Yes, FeedbackAnswer.No, FeedbackAnswer.NotSure),
            (named.ReceivedOn, named.AgeGroup!.Value, named.LifeGettingBetter!.Value, named.KnowsIro!.Value, named.CanContactIro!.Value, named.FeelsListenedTo!.Value));
        Assert.Equal(3, stored.Count(f => f.AgeGroup == FeedbackAgeGroup.From8To11 && f.LifeGettingBetter == FeedbackAnswer.NotSure && f.KnowsIro is null));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Bad_rows_are_named_by_row_column_and_value_and_nothing_is_written(DatabaseProvider provider)
    {
        var database = await DatabaseWithChildAsync(provider);
        var file = Write("bad.csv", Header,
            "2018-02-01,C1,11-18,yes,yes,yes,yes",
            "01/02/2018,,8-11,maybe,,,",
            "2018-02-01,NOSUCH,teen,,,,");

        var (exit, _, error) = await RunAsync(database, "import", "feedback", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("bad.csv row 3, column received_on, value '01/02/2018': a date written YYYY-MM-DD is required", error, StringComparison.Ordinal);
        Assert.Contains("bad.csv row 3, column life_getting_better, value 'maybe': must be yes, no, not sure, or empty", error, StringComparison.Ordinal);
        Assert.Contains("bad.csv row 4, column age_group, value 'teen'", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 3 error(s).", error, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(database));

        // The unknown child is found once the other rows are right; still nothing is written.
        var unknown = await RunAsync(database, "import", "feedback", "--file", Write("unknown.csv", Header, "2018-02-01,C1,11-18,yes,,,", "2018-02-01,NOSUCH,,,,,"));
        Assert.Contains("unknown.csv row 3, column child, value 'NOSUCH': no child with this ID", unknown.Error, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(database));
    }

    private async Task<TestDatabase> DatabaseWithChildAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        _databases.Add(database);
        await CommandHost.RunAsync(database.Settings, async (services, ct) =>
        {
            await CommandHost.MigrateAsync(services, ct);
            var db = services.GetRequiredService<IroDbContext>();
            db.Children.Add(new Child { LocalId = "C1", FirstName = "Child", LastName = "C1", DateOfBirth = new DateOnly(2005, 5, 20), Sex = Sex.F, Ethnicity = Ethnicity.WBRI, Upn = "UN1" });
            await db.SaveChangesAsync(ct);
            return 0;
        }, CancellationToken.None);
        return database;
    }

    private static async Task<List<FeedbackReturn>> StoredAsync(TestDatabase database)
    {
        List<FeedbackReturn> stored = [];
        await CommandHost.RunAsync(database.Settings, async (services, ct) =>
        {
            stored = await services.GetRequiredService<IroDbContext>().FeedbackReturns.AsNoTracking().ToListAsync(ct);
            return 0;
        }, CancellationToken.None);
        return stored;
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, database.Settings);
        return (exit, output.ToString(), error.ToString());
    }
}
