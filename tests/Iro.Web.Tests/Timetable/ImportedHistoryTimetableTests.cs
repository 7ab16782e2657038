using System.Text.Json;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// Two years of 903 returns imported through the command line, then the timetable and timeliness from the
/// command line, checked against dates worked out by hand from regulation 33.
/// Child 5001 started to be looked after in January 2016, before the first return imported (2017-18), so its
/// first review in the data has no known due date and is treated as a later review.
/// Child 5002 started on Monday 4 September 2017: the 20th working day after is Monday 2 October 2017.
/// </summary>
public abstract class ImportedHistoryTimetableTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _directory = Directory.CreateTempSubdirectory("iro-903-history-").FullName;
        await ImportAsync("2017-18",
            reviews: ["5001,01/03/2008,15/06/2017,PN1", "5001,01/03/2008,10/12/2017,PN6", "5002,20/02/2009,28/09/2017,PN1", "5002,20/02/2009,10/01/2018,PN1"]);
        await ImportAsync("2018-19",
            reviews: ["5001,01/03/2008,05/06/2018,PN1", "5001,01/03/2008,20/12/2018,PN5", "5002,20/02/2009,09/07/2018,PN1"]);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task ImportAsync(string year, string[] reviews)
    {
        var folder = Path.Combine(_directory, year);
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "header.csv"),
            ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "5001,1,01/03/2008,WBRI,A123456789012,,", "5002,1,20/02/2009,BCRB,A210987654321,,"]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "episodes.csv"),
        [
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
            "5001,10/01/2016,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456",
            "5002,04/09/2017,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321",
        ]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "reviews.csv"), ["CHILD,DOB,REVIEW,REVIEW_CODE", .. reviews]);
        var (exit, _, error) = await RunAsync("import", "ssda903", "--year", year, "--accept-warnings", folder);
        Assert.True(exit == 0, error);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, _database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<JsonElement> TimetableAsync(string child)
    {
        var (exit, output, error) = await RunAsync("reviews", "timetable", "--as-of", "2019-03-31", "--child", child, "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone()[0];
    }

    private static (string? Due, string Held, bool? OnTime, int? DaysLate)[] Reviews(JsonElement child) =>
        [.. child.GetProperty("periods")[0].GetProperty("reviews").EnumerateArray().Select(r => (
            r.GetProperty("dueDate").ValueKind == JsonValueKind.Null ? null : r.GetProperty("dueDate").GetString(),
            r.GetProperty("heldDate").GetString()!,
            r.GetProperty("onTime").ValueKind == JsonValueKind.Null ? (bool?)null : r.GetProperty("onTime").GetBoolean(),
            r.GetProperty("daysLate").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("daysLate").GetInt32()))];

    [Fact]
    public async Task A_period_that_began_before_the_imported_history_has_an_unknown_first_due_date()
    {
        var child = await TimetableAsync("5001");
        var period = child.GetProperty("periods")[0];
        Assert.Equal("2016-01-10", period.GetProperty("start").GetString());
        Assert.Equal(
            [
                (null, "2017-06-15", null, null),          // history incomplete: due date unknown
                ("2017-12-15", "2017-12-10", true, 0),     // 6 months after 15 June 2017
                ("2018-06-10", "2018-06-05", true, 0),     // 6 months after 10 December 2017
                ("2018-12-05", "2018-12-20", false, 15),   // 6 months after 5 June 2018, held 15 days late
            ],
            Reviews(child));
        Assert.Equal("2019-06-20", period.GetProperty("nextDueDate").GetString());
    }

    [Fact]
    public async Task A_child_entering_care_in_the_imported_years_has_the_full_timetable()
    {
        var child = await TimetableAsync("5002");
        Assert.Equal(
            [
                ("2017-10-02", "2017-09-28", true, 0),     // 20 working days after Monday 4 September 2017
                ("2017-12-28", "2018-01-10", false, 13),   // 3 months after the first review
                ("2018-07-10", "2018-07-09", true, 0),     // 6 months after the second
            ],
            Reviews(child));
        Assert.Equal("2019-01-09", child.GetProperty("periods")[0].GetProperty("nextDueDate").GetString());
    }

    [Theory]
    [InlineData("2017-18", 3, 2, 66.7, "2017-09:1:1", "2017-12:1:1", "2018-01:1:0")]
    [InlineData("2018-19", 3, 2, 66.7, "2018-06:1:1", "2018-07:1:1", "2018-12:1:0")]
    public async Task Timeliness_leaves_out_the_review_with_an_unknown_due_date(string year, int held, int onTime, double percent, params string[] months)
    {
        var (exit, output, error) = await RunAsync("reviews", "timeliness", "--year", year, "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(held, total.GetProperty("held").GetInt32());
        Assert.Equal(onTime, total.GetProperty("onTime").GetInt32());
        Assert.Equal(percent, total.GetProperty("percent").GetDouble());
        var byMonth = json.RootElement.GetProperty("months").EnumerateArray()
            .Where(m => m.GetProperty("held").GetInt32() > 0)
            .Select(m => $"{m.GetProperty("month").GetString()}:{m.GetProperty("held").GetInt32()}:{m.GetProperty("onTime").GetInt32()}")
            .ToArray();
        Assert.Equal(months, byMonth);
        Assert.Equal(12, json.RootElement.GetProperty("months").GetArrayLength());
    }
}

public sealed class ImportedHistoryTimetableSqliteTests() : ImportedHistoryTimetableTests(DatabaseProvider.Sqlite);

public sealed class ImportedHistoryTimetablePostgresTests() : ImportedHistoryTimetableTests(DatabaseProvider.Postgres);
