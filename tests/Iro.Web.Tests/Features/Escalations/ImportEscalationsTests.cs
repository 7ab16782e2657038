using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Features.Escalations;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Escalations;

/// <summary>A database with three children (C1, C2, C3) and two IROs, shared by one provider's import tests.</summary>
public abstract class EscalationImportDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Helen = "helen@council.example";
    public const string David = "david@orbis.example";
    private static readonly string[] ChildIds = ["C1", "C2", "C3"];

    public TestDatabase Database { get; private set; } = null!;
    public string Directory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Directory = System.IO.Directory.CreateTempSubdirectory("iro-escalations-").FullName;
        var iros = WriteFile("iros.csv",
            "name,email,phone,employment,agency,fte,gender,ethnicity,start_date,end_date",
            $"Helen Marsh,{Helen},,InHouse,,1.0,Female,WBRI,2015-04-01,",
            $"David Okoro,{David},,Commissioned,Orbis Reviewing,0.6,Male,BAFR,2015-09-14,");
        var (exit, _, error) = await RunAsync("import", "iros", "--file", iros);
        Assert.True(exit == 0, error);
        await WithDbAsync(async db =>
        {
            foreach (var id in ChildIds)
            {
                db.Children.Add(new Child
                {
                    LocalId = id, FirstName = "Child", LastName = id, DateOfBirth = new DateOnly(2008, 5, 20), Sex = Sex.F,
                    Ethnicity = Ethnicity.WBRI, Upn = "UN1",
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

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

public sealed class SqliteEscalationImportDatabase() : EscalationImportDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresEscalationImportDatabase() : EscalationImportDatabase(DatabaseProvider.Postgres);

public abstract class ImportEscalationsTests(EscalationImportDatabase database)
{
    private const string Header = "child,iro_email,raised_on,themes,highest_level,resolved_on,outcome,cafcass_referred_on";

    /// <summary>
    /// 2017-18 by hand: five raised (C1 on 5 June, C2 on 6 June, C1 on 28 April, C3 on 4 September, C2 on Saturday
    /// 31 March), one still open; two in 2016-17; one on Sunday 1 April 2018 belongs to 2018-19.
    /// Working days to resolve: 0 (same day), 8 (6 to 16 June), 23 (28 April to 2 June, less the two May bank
    /// holidays) and 9 (4 to 15 September): median (8 + 9) / 2 = 8.5, half up 9; maximum 23; one over 20.
    /// </summary>
    private static readonly string[] Rows =
    [
        $"C1,{EscalationImportDatabase.Helen},2017-06-05,Sdq,TeamManager,2017-06-05,Resolved,",
        $"C2,{EscalationImportDatabase.Helen},2017-06-06,sdq; PAPERWORK,Head of service,2017-06-16,compromise,",
        $"C1,{EscalationImportDatabase.David},2017-04-28,Contact with siblings and family,ServiceManager,2017-06-02,DifferenceAcknowledged,2017-05-20",
        $"C3,{EscalationImportDatabase.David},2017-09-04,Placement,teammanager,2017-09-15,Withdrawn,",
        $"C2,{EscalationImportDatabase.David},2018-03-31,Other,TeamManager,,,",
        $"C3,{EscalationImportDatabase.Helen},2018-04-01,Health,Director,2018-04-03,Resolved,2018-04-02",
        $"C1,{EscalationImportDatabase.Helen},2017-03-31,Health,TeamManager,,,2017-03-31",
        $"C2,{EscalationImportDatabase.Helen},2016-06-01,Health,TeamManager,,,",
    ];

    private const string Expected2017 = """
        {
          "year": "2017-18", "count": 5, "previousYearCount": 2,
          "byHighestLevel": { "Informal": 0, "TeamManager": 3, "ServiceManager": 1, "HeadOfService": 1, "OperationalDirector": 0, "Director": 0 },
          "byResolvedLevel": { "Informal": 0, "TeamManager": 2, "ServiceManager": 1, "HeadOfService": 1, "OperationalDirector": 0, "Director": 0 },
          "byTheme": { "Sdq": 2, "ConnectedPersonAssessment": 0, "Paperwork": 1, "UascTransfer": 0, "SemiIndependence": 0, "AgeAssessment": 0,
                       "FamilyContact": 1, "SocialWorker": 0, "Placement": 1, "Education": 0, "Health": 0, "Other": 1 },
          "byOutcome": { "Resolved": 1, "Compromise": 1, "DifferenceAcknowledged": 1, "Withdrawn": 1 },
          "open": 1,
          "workingDaysToResolve": { "median": 9, "max": 23 },
          "overTwentyWorkingDays": 1,
          "cafcassReferrals": 1
        }
        """;

    private async Task<int> EscalationCountAsync() => await database.WithDbAsync(db => db.Escalations.CountAsync());

    /// <summary>Every row of every escalation table, as text, to compare before and after.</summary>
    private Task<string> SnapshotAsync() => database.WithDbAsync(async db =>
    {
        var escalations = await db.Escalations.AsNoTracking().Include(e => e.Stages).Include(e => e.Themes).OrderBy(e => e.Id).ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        return JsonSerializer.Serialize(new
        {
            audit,
            escalations = escalations.Select(e => new
            {
                e.Id, e.ChildId, e.RaisedByOfficerId, e.RaisedOn, e.Concern, e.ActionRequested, e.Outcome, e.ResolvedOn, e.CafcassReferredOn,
                e.CafcassReason, e.Version, e.CreatedAt, e.CreatedByName,
                Themes = e.Themes.Select(t => t.Key).Order(),
                Stages = e.Stages.OrderBy(s => s.Sequence).Select(s => new { s.Id, s.Sequence, s.Level, s.RecipientName, s.RecipientRole, s.RaisedOn, s.ResponseDueOn, s.NextStep }),
            }),
        });
    });

    private async Task<string> ImportTheFileAsync()
    {
        var file = database.WriteFile("escalations.csv", [Header, .. Rows]);
        var (exit, output, error) = await database.RunAsync("import", "escalations", "--file", file);
        Assert.True(exit == 0, error);
        return output;
    }

    [Fact]
    public async Task The_summary_of_an_imported_year_equals_the_hand_computed_figures()
    {
        await ImportTheFileAsync();

        var (exit, output, error) = await database.RunAsync("escalations", "summary", "--year", "2017-18", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected2017), JsonNode.Parse(output)), output);
    }

    [Fact]
    public async Task An_imported_escalation_is_one_stage_at_its_highest_level_with_its_due_date_and_says_it_was_imported()
    {
        await ImportTheFileAsync();

        var escalation = await database.WithDbAsync(db => db.Escalations.AsNoTracking().Include(e => e.Stages).Include(e => e.Themes)
            .SingleAsync(e => e.Child!.LocalId == "C2" && e.RaisedOn == new DateOnly(2017, 6, 6)));
        var stage = Assert.Single(escalation.Stages);
        Assert.Equal("HeadOfService", stage.Level);
        // Five working days after Tuesday 6 June 2017.
        Assert.Equal(new DateOnly(2017, 6, 13), stage.ResponseDueOn);
        Assert.Equal(["Paperwork", "Sdq"], escalation.Themes.Select(t => t.Key).Order());
        Assert.Equal(ImportEscalations.ImportedConcern("escalations.csv"), escalation.Concern);
        Assert.Equal(Domain.Escalations.EscalationOutcome.Compromise, escalation.Outcome);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        await ImportTheFileAsync();
        var before = await SnapshotAsync();

        var output = await ImportTheFileAsync();

        Assert.Contains("0 added, 8 already present", output, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("X999,helen@council.example,2017-06-05,Sdq,TeamManager,,,", "child", "X999")]
    [InlineData("C1,nobody@council.example,2017-06-05,Sdq,TeamManager,,,", "iro_email", "nobody@council.example")]
    [InlineData("C1,helen@council.example,05/06/2017,Sdq,TeamManager,,,", "raised_on", "05/06/2017")]
    [InlineData("C1,helen@council.example,2017-06-05,Sdq;Gardening,TeamManager,,,", "themes", "Sdq;Gardening")]
    [InlineData("C1,helen@council.example,2017-06-05,Sdq,Mayor,,,", "highest_level", "Mayor")]
    [InlineData("C1,helen@council.example,2017-06-05,Sdq,TeamManager,2017-06-09,Sorted,", "outcome", "Sorted")]
    [InlineData("C1,helen@council.example,2017-06-05,Sdq,TeamManager,2017-06-01,Resolved,", "resolved_on", "2017-06-01")]
    [InlineData("C1,helen@council.example,2017-06-05,Sdq,TeamManager,2017-06-09,,", "outcome", "")]
    [InlineData("C1,helen@council.example,2017-06-05,Sdq,TeamManager,,,2017-13-01", "cafcass_referred_on", "2017-13-01")]
    public async Task A_bad_row_writes_nothing_and_names_the_file_row_column_and_value(string badRow, string column, string value)
    {
        var before = await EscalationCountAsync();
        var file = database.WriteFile("bad.csv", Header, $"C3,{EscalationImportDatabase.David},2017-07-03,Education,TeamManager,,,", badRow);

        var (exit, _, error) = await database.RunAsync("import", "escalations", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains($"bad.csv row 3, column {column}, value '{value}'", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Equal(before, await EscalationCountAsync());
    }

    [Fact]
    public async Task The_same_escalation_twice_in_a_file_is_refused()
    {
        var file = database.WriteFile("twice.csv", Header,
            $"C3,{EscalationImportDatabase.David},2017-07-03,Education,TeamManager,,,",
            $"C3,{EscalationImportDatabase.David.ToUpperInvariant()},2017-07-03,Health,ServiceManager,,,");

        var (exit, _, error) = await database.RunAsync("import", "escalations", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("row 3, column raised_on, value '2017-07-03': the same child, IRO and date raised appear already on row 2", error, StringComparison.Ordinal);
    }
}

public sealed class ImportEscalationsSqliteTests(SqliteEscalationImportDatabase database)
    : ImportEscalationsTests(database), IClassFixture<SqliteEscalationImportDatabase>;

public sealed class ImportEscalationsPostgresTests(PostgresEscalationImportDatabase database)
    : ImportEscalationsTests(database), IClassFixture<PostgresEscalationImportDatabase>;
