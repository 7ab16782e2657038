using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Domain.Officers;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Caseloads;

/// <summary>
/// Two years of 903 returns (2016-17 and 2017-18), four IROs and an allocations file, imported through the
/// command line; one FTE change recorded. Shared by the tests of one provider, which write nothing more.
///
/// Children (episodes): 6001 from 1 June 2015, open. 6002 from 10 May 2016, ceased on 31 March 2018. 6003 from
/// 1 February 2017, open. 6004 from 15 April 2016 to 1 December 2016, then again from 1 September 2017, open.
/// 6005 from 2 October 2017, open, never allocated.
///
/// IROs: Helen Marsh, in-house, 1.0 FTE from 1 January 2015, 0.8 from 1 October 2017 (the FTE change). Amir Shah,
/// in-house, 0.5 from 1 September 2016. David Okoro, Orbis, 1.0 from 1 January 2015, left on 1 September 2017.
/// Sarah Quinn, Orbis, 0.6 from 1 August 2017.
///
/// Allocations: 6001 David until 1 September 2017, then Sarah (IRO left). 6002 Helen until 31 March 2018, the
/// day the episode ceased. 6003 Amir until 31 March 2018, then Helen (Workload). 6004 Helen for the first period,
/// Helen again from 1 September 2017.
/// </summary>
public abstract class CaseloadHistoryDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public const string AllocationsHeader = "child,iro_email,from,to,reason";

    public static readonly string[] Allocations =
    [
        "6001,david@orbis.example,2015-06-01,2017-09-01,",
        "6001,sarah@orbis.example,2017-09-01,,IRO left",
        "6002,helen@council.example,2016-05-10,2018-03-31,",
        "6003,amir@council.example,2017-02-01,2018-03-31,",
        "6003,helen@council.example,2018-03-31,,Workload",
        "6004,helen@council.example,2016-04-15,2016-12-01,",
        "6004,helen@council.example,2017-09-01,,",
    ];

    public TestDatabase Database { get; private set; } = null!;
    public string Directory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Directory = System.IO.Directory.CreateTempSubdirectory("iro-caseloads-").FullName;
        await ImportReturnAsync("2016-17",
            ["6001,1,01/03/2008,WBRI,A123456789012,,", "6002,2,20/02/2009,BCRB,A210987654321,,", "6003,1,11/11/2010,WIRI,A310987654321,,", "6004,2,05/05/2007,MWBC,A410987654321,,"],
            [
                "6001,01/06/2015,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456",
                "6002,10/05/2016,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456",
                "6003,01/02/2017,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321",
                "6004,15/04/2016,S,V2,N5,U6,PR4,01/12/2016,E4A,,NW10 2QD,HA9 8DN,SC654321",
            ]);
        await ImportReturnAsync("2017-18",
            ["6001,1,01/03/2008,WBRI,A123456789012,,", "6002,2,20/02/2009,BCRB,A210987654321,,", "6003,1,11/11/2010,WIRI,A310987654321,,",
             "6004,2,05/05/2007,MWBC,A410987654321,,", "6005,1,09/09/2012,WBRI,A510987654321,,"],
            [
                "6001,01/06/2015,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456",
                "6002,10/05/2016,S,C2,N1,U4,PR1,31/03/2018,E4A,,NW10 1QD,HA0 2LS,SC123456",
                "6003,01/02/2017,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321",
                "6004,01/09/2017,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321",
                "6005,02/10/2017,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321",
            ]);
        var iros = WriteFile("iros.csv",
            "name,email,phone,employment,agency,fte,gender,ethnicity,start_date,end_date",
            "Helen Marsh,helen@council.example,,InHouse,,1.0,Female,WBRI,2015-01-01,",
            "Amir Shah,amir@council.example,,InHouse,,0.5,Male,AIND,2016-09-01,",
            "David Okoro,david@orbis.example,,Commissioned,Orbis Reviewing,1.0,Male,BAFR,2015-01-01,2017-09-01",
            "Sarah Quinn,sarah@orbis.example,,Commissioned,Orbis Reviewing,0.6,Female,WIRI,2017-08-01,");
        await SucceedsAsync("import", "iros", "--file", iros);
        await WithDbAsync(async db =>
        {
            var helen = await db.ReviewingOfficers.SingleAsync(o => o.Email == "helen@council.example");
            db.OfficerFteChanges.Add(new OfficerFteChange { ReviewingOfficerId = helen.Id, EffectiveFrom = new DateOnly(2017, 10, 1), Fte = 0.8m });
            return await db.SaveChangesAsync();
        });
        await SucceedsAsync("import", "allocations", "--file", WriteFile("allocations.csv", [AllocationsHeader, .. Allocations]));
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task ImportReturnAsync(string year, string[] header, string[] episodes)
    {
        var folder = Path.Combine(Directory, year);
        System.IO.Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "header.csv"), ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", .. header]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "episodes.csv"),
            ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", .. episodes]);
        await SucceedsAsync("import", "ssda903", "--year", year, "--accept-warnings", folder);
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

    public async Task<string> SucceedsAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"iro {string.Join(' ', args)}: {error}");
        return output;
    }

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

    /// <summary>Every stored allocation, as text, to compare before and after.</summary>
    public Task<string> AllocationsSnapshotAsync() => WithDbAsync(async db => JsonSerializer.Serialize(
        await db.IroAllocations.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ChildId, a.ReviewingOfficerId, a.From, a.To, a.ReasonForChange, a.Version }).ToListAsync()));
}

public sealed class SqliteCaseloadHistoryDatabase() : CaseloadHistoryDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresCaseloadHistoryDatabase() : CaseloadHistoryDatabase(DatabaseProvider.Postgres);

public abstract class CaseloadHistoryTests(CaseloadHistoryDatabase database)
{
    /// <summary>
    /// 31 March 2017. In post: Helen (1.0), Amir (0.5), David (1.0); Sarah has not started. Looked after: 6001,
    /// 6002, 6003 (6004 is between periods, 6005 not yet in care). 6001 is David's, 6002 Helen's, 6003 Amir's.
    /// Service 3 children / 2.5 FTE = 1.2. In-house 2 / 1.5 = 1.33, 1.3. Commissioned 1 / 1.0 = 1.0.
    /// Amir 1 / 0.5 = 2.0.
    /// </summary>
    private const string Expected2017 = """
        {
          "asOf": "2017-03-31",
          "service": { "headcount": 3, "fte": 2.5, "children": 3, "perFte": 1.2 },
          "byEmployment": {
            "InHouse": { "headcount": 2, "fte": 1.5, "children": 2, "perFte": 1.3 },
            "Commissioned": { "headcount": 1, "fte": 1.0, "children": 1, "perFte": 1.0 }
          },
          "officers": [
            { "email": "amir@council.example", "name": "Amir Shah", "employment": "InHouse", "fte": 0.5, "children": 1, "perFte": 2.0 },
            { "email": "david@orbis.example", "name": "David Okoro", "employment": "Commissioned", "fte": 1.0, "children": 1, "perFte": 1.0 },
            { "email": "helen@council.example", "name": "Helen Marsh", "employment": "InHouse", "fte": 1.0, "children": 1, "perFte": 1.0 }
          ]
        }
        """;

    /// <summary>
    /// 31 March 2018. In post: Helen (0.8 since 1 October 2017), Amir (0.5), Sarah (0.6); David left on 1 September
    /// 2017. Looked after: 6001, 6003, 6004, 6005; 6002 ceased that day. 6001 is Sarah's; 6003 moved from Amir to
    /// Helen that day (Amir's allocation ends on 31 March, so covers up to 30 March); 6004 is Helen's; 6005 has no
    /// IRO. Helen 2 / 0.8 = 2.5; Amir 0 / 0.5 = 0.0; Sarah 1 / 0.6 = 1.67, 1.7. Service 3 / 1.9 = 1.58, 1.6.
    /// In-house 2 / 1.3 = 1.54, 1.5. Commissioned 1 / 0.6 = 1.7.
    /// </summary>
    private const string Expected2018 = """
        {
          "asOf": "2018-03-31",
          "service": { "headcount": 3, "fte": 1.9, "children": 3, "perFte": 1.6 },
          "byEmployment": {
            "InHouse": { "headcount": 2, "fte": 1.3, "children": 2, "perFte": 1.5 },
            "Commissioned": { "headcount": 1, "fte": 0.6, "children": 1, "perFte": 1.7 }
          },
          "officers": [
            { "email": "amir@council.example", "name": "Amir Shah", "employment": "InHouse", "fte": 0.5, "children": 0, "perFte": 0.0 },
            { "email": "helen@council.example", "name": "Helen Marsh", "employment": "InHouse", "fte": 0.8, "children": 2, "perFte": 2.5 },
            { "email": "sarah@orbis.example", "name": "Sarah Quinn", "employment": "Commissioned", "fte": 0.6, "children": 1, "perFte": 1.7 }
          ]
        }
        """;

    [Theory]
    [InlineData("2017-03-31", Expected2017)]
    [InlineData("2018-03-31", Expected2018)]
    public async Task Caseloads_at_each_31_March_equal_the_hand_computed_figures(string asOf, string expected)
    {
        var output = await database.SucceedsAsync("caseloads", "--as-of", asOf, "--format", "json");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(output)), output);
    }

    [Fact]
    public async Task Fte_is_written_with_a_decimal_place()
    {
        var output = await database.SucceedsAsync("caseloads", "--as-of", "2017-03-31", "--format", "json");

        Assert.Contains("\"fte\": 1.0,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_the_service_the_employment_types_and_every_IRO_in_post()
    {
        var output = await database.SucceedsAsync("caseloads", "--as-of", "2018-03-31", "--format", "csv");

        Assert.Equal(
            [
                "as_of,row,employment,email,name,headcount,fte,children,per_fte",
                "2018-03-31,service,,,,3,1.9,3,1.6",
                "2018-03-31,employment,InHouse,,,2,1.3,2,1.5",
                "2018-03-31,employment,Commissioned,,,1,0.6,1,1.7",
                "2018-03-31,officer,InHouse,amir@council.example,Amir Shah,1,0.5,0,0.0",
                "2018-03-31,officer,InHouse,helen@council.example,Helen Marsh,1,0.8,2,2.5",
                "2018-03-31,officer,Commissioned,sarah@orbis.example,Sarah Quinn,1,0.6,1,1.7",
            ],
            output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Importing_the_same_allocations_again_changes_nothing()
    {
        var before = await database.AllocationsSnapshotAsync();

        var output = await database.SucceedsAsync("import", "allocations", "--file",
            database.WriteFile("again.csv", [CaseloadHistoryDatabase.AllocationsHeader, .. CaseloadHistoryDatabase.Allocations]));

        Assert.Contains("0 added, 7 already present", output, StringComparison.Ordinal);
        Assert.Equal(before, await database.AllocationsSnapshotAsync());
    }

    [Fact]
    public async Task A_file_with_bad_rows_writes_nothing_and_names_row_column_and_value()
    {
        var before = await database.AllocationsSnapshotAsync();
        var file = database.WriteFile("bad.csv",
            CaseloadHistoryDatabase.AllocationsHeader,
            "6005,helen@council.example,2017-10-02,,",             // row 2: valid on its own
            "9999,helen@council.example,2017-10-02,,",             // row 3: unknown child
            "6005,nobody@council.example,2017-10-02,,",            // row 4: unknown IRO
            "6005,amir@council.example,02/10/2017,,",              // row 5: not YYYY-MM-DD
            "6005,amir@council.example,2017-12-01,2017-11-01,",    // row 6: to before from
            "6004,amir@council.example,2017-01-01,2017-02-01,",    // row 7: between 6004's periods of care
            "6002,amir@council.example,2017-01-01,2017-02-01,",    // row 8: overlaps Helen's stored allocation
            "6001,sarah@orbis.example,2017-07-01,2017-08-15,",     // row 9: Sarah not in post until 1 August
            "6001,david@orbis.example,2017-08-20,,");              // row 10: David left on 1 September 2017

        var (exit, _, error) = await database.RunAsync("import", "allocations", "--file", file);

        Assert.Equal(1, exit);
        foreach (var expected in new[]
        {
            "bad.csv row 3, column child, value '9999'",
            "bad.csv row 4, column iro_email, value 'nobody@council.example'",
            "bad.csv row 5, column from, value '02/10/2017'",
            "bad.csv row 6, column to, value '2017-11-01'",
            "bad.csv row 7, column from, value '2017-01-01': an allocation must lie inside one of the child's periods of care",
            "bad.csv row 8, column from, value '2017-01-01': allocations of one child must not overlap: conflicts with the stored allocation helen@council.example from 2016-05-10 to 2018-03-31",
            "bad.csv row 9, column from, value '2017-07-01'",
            "bad.csv row 10, column to, value ''",
        })
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("row 2,", error, StringComparison.Ordinal);
        Assert.Equal(before, await database.AllocationsSnapshotAsync());
    }

    [Fact]
    public async Task Rows_of_one_file_that_overlap_each_other_are_refused()
    {
        var before = await database.AllocationsSnapshotAsync();
        var file = database.WriteFile("overlap.csv", "child,iro_email,from,to",
            "6005,helen@council.example,2017-10-02,2017-12-01",
            "6005,amir@council.example,2017-11-15,");

        var (exit, _, error) = await database.RunAsync("import", "allocations", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("overlap.csv row 3, column from, value '2017-11-15': allocations of one child must not overlap", error, StringComparison.Ordinal);
        Assert.Equal(before, await database.AllocationsSnapshotAsync());
    }
}

public sealed class SqliteCaseloadHistoryTests(SqliteCaseloadHistoryDatabase database)
    : CaseloadHistoryTests(database), IClassFixture<SqliteCaseloadHistoryDatabase>;

public sealed class PostgresCaseloadHistoryTests(PostgresCaseloadHistoryDatabase database)
    : CaseloadHistoryTests(database), IClassFixture<PostgresCaseloadHistoryDatabase>;
