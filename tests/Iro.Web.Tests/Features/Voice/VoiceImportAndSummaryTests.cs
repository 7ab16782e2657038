using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>
/// <c>iro import advocacy</c>, <c>iro import visitors</c> and <c>iro voice summary</c> on one database. Missing
/// episodes, placement-move records, feedback and file audits are written directly, as their own pages would.
/// </summary>
public abstract class VoiceImportAndSummaryTests(VoiceImportDatabase database)
{
    private const string AdvocacyHeader = "child,referred_on,source,reasons,provider,started_on,closed_on,hours";
    private const string VisitorsHeader = "child,needed_on,matched_on,ended_on";

    /// <summary>
    /// 2017-18: C1 on 1 April 2017 and 31 March 2018, C2 on 15 September 2017: 3 referrals, 2 children; 2 of the 4
    /// looked after at 31 March = 50.0%. Sources: Iro 1, Child 1, SocialWorker 1. Reasons: PlacementChoice 1,
    /// Complaint 2 (a key and a label). Hours 6.5 + 1.25 = 7.75. 2016-17: C5, C3 and C2 (blank source, Other): 3
    /// children. C4 on 1 April 2018 is the next year's.
    /// </summary>
    private static readonly string[] AdvocacyRows =
    [
        "C1,2017-04-01,Iro,PlacementChoice;complaint,Coram Voice,2017-04-10,2017-06-01,6.5",
        "C1,2018-03-31,child,Making a complaint,,,,1.25",
        "C2,2017-09-15,SocialWorker,,,,,",
        "C4,2018-04-01,Carer,LeavingCare,,,,3",
        "C5,2017-03-31,Iro,Other,,,,2",
        "C3,2016-06-01,ReturnHomeInterview,FamilyContact,,,,",
        "C2,2016-12-01,,,,,,",
    ];

    /// <summary>
    /// With a visitor in 2017-18: C2 (matched 31 March 2018) and C3 (ended 1 April 2017); not C1 (ended 31 March
    /// 2017). Waiting at 31 March: C4 (identified that day) and C6 (matched 1 April 2018); not C5 (identified 1 April).
    /// </summary>
    private static readonly string[] VisitorRows =
    [
        "C1,2016-05-01,2016-09-01,2017-03-31",
        "C2,2017-06-01,2018-03-31,",
        "C3,2017-01-01,2017-02-01,2017-04-01",
        "C4,2018-03-31,,",
        "C6,2017-11-01,2018-04-01,",
        "C5,2018-04-01,,",
    ];

    /// <summary>
    /// Missing: C1 twice and C2 once start in the year (C3's on 31 March 2017 does not): 2 children, 3 episodes;
    /// in time: C1's first (exactly 72 hours) and C2's (no times: by the end of the third day); C1's second is late.
    /// Moves: C1 on 1 April 2017 (consulted) and C2 on 10 October 2017 (not); C6's on 1 April 2018 is next year's.
    /// Feedback: six returns in the year (one blank answer): yes 3, no 1, not sure 1: 3 / 5 = 60.0%.
    /// Audits: two in the year: seen alone 2 yes (100.0), views 1 yes 1 no (50.0), care plan 1 no (0.0).
    /// </summary>
    private const string Expected2017 = """
        {
          "year": "2017-18",
          "advocacy": {
            "childrenReferred": 2, "previousYearChildrenReferred": 3, "referrals": 3, "lookedAfterAtEnd": 4, "percentOfLookedAfterAtEnd": 50.0,
            "bySource": { "Iro": 1, "SocialWorker": 1, "Child": 1, "ReturnHomeInterview": 0, "Carer": 0, "Other": 0 },
            "byReason": { "SocialWorkerRelationship": 0, "PlacementChoice": 1, "FamilyContact": 0, "SecureAccommodation": 0, "Complaint": 2, "LeavingCare": 0, "Other": 0 },
            "hours": 7.75
          },
          "independentVisitors": { "childrenWithVisitor": 2, "waiting": 2 },
          "missing": { "children": 2, "episodes": 3, "returnInterviewsWithin72Hours": 2 },
          "placementMoves": { "moves": 2, "consulted": 1 },
          "feedback": { "responses": 6, "lifeGettingBetter": { "yes": 3, "no": 1, "notSure": 1, "percentYes": 60.0 } },
          "audits": {
            "audits": 2,
            "questions": {
              "SeenAlone": { "yes": 2, "no": 0, "percentYes": 100.0 },
              "ViewsRecorded": { "yes": 1, "no": 1, "percentYes": 50.0 },
              "CarePlanUpToDate": { "yes": 0, "no": 1, "percentYes": 0.0 },
              "MidwayReviewDone": { "yes": 0, "no": 0, "percentYes": 0.0 },
              "DecisionsSpecificAndTimed": { "yes": 0, "no": 0, "percentYes": 0.0 },
              "RecordIssuedOnTime": { "yes": 0, "no": 0, "percentYes": 0.0 },
              "EscalationWhereNeeded": { "yes": 0, "no": 0, "percentYes": 0.0 }
            }
          }
        }
        """;

    private static readonly string[] AuditedChildren = ["C1", "C2", "C3"];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> ImportAsync(string verb, string name, string header, string[] rows)
    {
        var file = database.WriteFile(name, [header, .. rows]);
        var (exit, output, error) = await database.RunAsync("import", verb, "--file", file);
        Assert.True(exit == 0, error);
        return output;
    }

    private Task<string> ImportAdvocacyAsync() => ImportAsync("advocacy", "advocacy.csv", AdvocacyHeader, AdvocacyRows);

    private Task<string> ImportVisitorsAsync() => ImportAsync("visitors", "visitors.csv", VisitorsHeader, VisitorRows);

    /// <summary>Every referral and visitor row and the audit count, as text, to compare before and after.</summary>
    private Task<string> SnapshotAsync() => database.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        audit = await db.AuditEntries.CountAsync(),
        referrals = await db.AdvocacyReferrals.IgnoreQueryFilters().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.ChildId, r.ReferredOn, r.Source, r.ReasonKeys, r.Provider, r.StartedOn, r.ClosedOn, r.Hours, r.Version, r.CreatedAt }).ToListAsync(),
        visitors = await db.IndependentVisitors.IgnoreQueryFilters().OrderBy(v => v.Id)
            .Select(v => new { v.Id, v.ChildId, v.NeededOn, v.MatchedOn, v.EndedOn, v.Version, v.CreatedAt }).ToListAsync(),
    }));

    /// <summary>The other entities of the year, once per database (the summary test may run after the import tests).</summary>
    private Task<int> SeedTheRestAsync() => database.WithDbAsync(async db =>
    {
        if (await db.MissingEpisodes.AnyAsync()) return 0;
        var c = database.Children;
        db.MissingEpisodes.AddRange(
            new MissingEpisode { ChildId = c["C1"], Start = D("2017-04-01"), End = D("2017-04-01"), ReturnTime = new TimeOnly(20, 0), InterviewCompletedOn = D("2017-04-04"), InterviewCompletedTime = new TimeOnly(20, 0) },
            new MissingEpisode { ChildId = c["C1"], Start = D("2017-12-20"), End = D("2017-12-21"), InterviewCompletedOn = D("2017-12-28") },
            new MissingEpisode { ChildId = c["C2"], Start = D("2018-03-31"), End = D("2018-04-01"), InterviewCompletedOn = D("2018-04-04") },
            new MissingEpisode { ChildId = c["C3"], Start = D("2017-03-31"), End = D("2017-04-01"), InterviewCompletedOn = D("2017-04-01") });
        db.PlacementMoveRecords.AddRange(
            new PlacementMoveRecord { ChildId = c["C1"], MovedOn = D("2017-04-01"), ConsultedBeforeMove = true },
            new PlacementMoveRecord { ChildId = c["C2"], MovedOn = D("2017-10-10"), ConsultedBeforeMove = false },
            new PlacementMoveRecord { ChildId = c["C6"], MovedOn = D("2018-04-01"), ConsultedBeforeMove = true });
        static FeedbackReturn F(string on, FeedbackAnswer? answer, int? child = null, bool deleted = false) =>
            new() { ReceivedOn = D(on), LifeGettingBetter = answer, ChildId = child, IsDeleted = deleted };
        db.FeedbackReturns.AddRange(
            F("2017-04-01", FeedbackAnswer.Yes, c["C1"]), F("2018-03-31", FeedbackAnswer.Yes), F("2017-05-01", FeedbackAnswer.Yes),
            F("2017-07-01", FeedbackAnswer.No), F("2017-08-01", FeedbackAnswer.NotSure), F("2017-09-01", null),
            F("2018-04-01", FeedbackAnswer.Yes), F("2017-10-01", FeedbackAnswer.Yes, deleted: true));
        var reviews = AuditedChildren.Select(id => new Review { ChildId = c[id], HeldOn = D("2017-04-20"), Status = ReviewStatus.Held }).ToList();
        db.Reviews.AddRange(reviews);
        await db.SaveChangesAsync();
        static FileAuditAnswer A(string key, bool answer) => new() { QuestionKey = key, Answer = answer };
        db.FileAudits.AddRange(
            new FileAudit { ChildId = c["C1"], ReviewId = reviews[0].Id, AuditedOn = D("2017-05-01"), Answers = [A("SeenAlone", true), A("ViewsRecorded", true), A("CarePlanUpToDate", false)] },
            new FileAudit { ChildId = c["C2"], ReviewId = reviews[1].Id, AuditedOn = D("2018-03-31"), Answers = [A("SeenAlone", true), A("ViewsRecorded", false)] },
            new FileAudit { ChildId = c["C3"], ReviewId = reviews[2].Id, AuditedOn = D("2018-04-01"), Answers = [A("SeenAlone", false)] });
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task The_summary_of_the_year_equals_the_hand_computed_figures()
    {
        await ImportAdvocacyAsync();
        await ImportVisitorsAsync();
        await SeedTheRestAsync();

        var (exit, output, error) = await database.RunAsync("voice", "summary", "--year", "2017-18", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected2017), JsonNode.Parse(output)), output);
        Assert.Contains("\"percentOfLookedAfterAtEnd\":50.0", output, StringComparison.Ordinal);
        Assert.Contains("\"hours\":7.75", output, StringComparison.Ordinal);

        var (csvExit, csv, _) = await database.RunAsync("voice", "summary", "--year", "2017-18", "--format", "csv");
        Assert.Equal(0, csvExit);
        Assert.Contains("advocacy.bySource.Iro,1\n", csv, StringComparison.Ordinal);
        Assert.Contains("feedback.lifeGettingBetter.percentYes,60.0\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_with_nothing_recorded_still_lists_every_key()
    {
        var (exit, output, error) = await database.RunAsync("voice", "summary", "--year", "2009-10", "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(0, (int)json["advocacy"]!["referrals"]!);
        Assert.Equal(6, json["advocacy"]!["bySource"]!.AsObject().Count);
        Assert.Equal(7, json["advocacy"]!["byReason"]!.AsObject().Count);
        Assert.Equal(7, json["audits"]!["questions"]!.AsObject().Count);
        Assert.Contains("\"percentYes\":0.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_referral_keeps_its_fields_with_reasons_stored_as_keys()
    {
        await ImportAdvocacyAsync();

        var referral = await database.WithDbAsync(db => db.AdvocacyReferrals.AsNoTracking()
            .SingleAsync(r => r.ChildId == database.Children["C1"] && r.ReferredOn == D("2017-04-01")));
        Assert.Equal(AdvocacySource.Iro, referral.Source);
        Assert.Equal(["PlacementChoice", "Complaint"], referral.Reasons);
        Assert.Equal("Coram Voice", referral.Provider);
        Assert.Equal(D("2017-04-10"), referral.StartedOn);
        Assert.Equal(D("2017-06-01"), referral.ClosedOn);
        Assert.Equal(6.5m, referral.Hours);
        Assert.Equal("Imported from advocacy.csv", referral.CreatedByName);
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        await ImportAdvocacyAsync();
        await ImportVisitorsAsync();
        var before = await SnapshotAsync();

        var advocacy = await ImportAdvocacyAsync();
        var visitors = await ImportVisitorsAsync();

        Assert.Contains("0 added, 7 already present", advocacy, StringComparison.Ordinal);
        Assert.Contains("0 added, 6 already present", visitors, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(",2017-06-05,Iro,,,,,", "child", "")]
    [InlineData("X999,2017-06-05,Iro,,,,,", "child", "X999")]
    [InlineData("C1,,Iro,,,,,", "referred_on", "")]
    [InlineData("C1,05/06/2017,Iro,,,,,", "referred_on", "05/06/2017")]
    [InlineData("C1,2017-06-05,Teacher,,,,,", "source", "Teacher")]
    [InlineData("C1,2017-06-05,Iro,Complaint;Gardening,,,,", "reasons", "Complaint;Gardening")]
    [InlineData("C1,2017-06-05,Iro,,,2017-06-01,,", "started_on", "2017-06-01")]
    [InlineData("C1,2017-06-05,Iro,,,,2017-13-01,", "closed_on", "2017-13-01")]
    [InlineData("C1,2017-06-05,Iro,,,,,two", "hours", "two")]
    [InlineData("C1,2017-06-05,Iro,,,,,-3", "hours", "-3")]
    public async Task A_bad_advocacy_row_writes_nothing_and_names_the_file_row_column_and_value(string badRow, string column, string value)
    {
        var before = await SnapshotAsync();
        var file = database.WriteFile("bad-advocacy.csv", AdvocacyHeader, "C6,2017-07-03,Carer,FamilyContact,,,,", badRow);

        var (exit, _, error) = await database.RunAsync("import", "advocacy", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains($"bad-advocacy.csv row 3, column {column}, value '{value}'", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("X999,2017-06-05,,", "child", "X999")]
    [InlineData("C1,,,", "needed_on", "")]
    [InlineData("C1,2017-6-5,,", "needed_on", "2017-6-5")]
    [InlineData("C1,2017-06-05,2017-06-01,", "matched_on", "2017-06-01")]
    [InlineData("C1,2017-06-05,2017-07-01,2017-06-30", "ended_on", "2017-06-30")]
    [InlineData("C1,2017-06-05,2099-01-01,", "matched_on", "2099-01-01")]
    public async Task A_bad_visitor_row_writes_nothing_and_names_the_file_row_column_and_value(string badRow, string column, string value)
    {
        var before = await SnapshotAsync();
        var file = database.WriteFile("bad-visitors.csv", VisitorsHeader, "C6,2017-07-03,,", badRow);

        var (exit, _, error) = await database.RunAsync("import", "visitors", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains($"bad-visitors.csv row 3, column {column}, value '{value}'", error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_same_referral_twice_in_a_file_is_refused()
    {
        var file = database.WriteFile("twice.csv", AdvocacyHeader, "C6,2017-07-03,Carer,,,,,", "C6,2017-07-03,carer,Other,,,,");

        var (exit, _, error) = await database.RunAsync("import", "advocacy", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("row 3, column referred_on, value '2017-07-03': the same child, date referred and source appear already on row 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_header_is_refused()
    {
        var file = database.WriteFile("header.csv", "child,needed,matched_on,ended_on", "C1,2017-06-05,,");

        var (exit, _, error) = await database.RunAsync("import", "visitors", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("header row: missing columns: needed_on; unexpected columns: needed", error, StringComparison.Ordinal);
    }
}

public sealed class VoiceImportAndSummarySqliteTests(SqliteVoiceImportDatabase database)
    : VoiceImportAndSummaryTests(database), IClassFixture<SqliteVoiceImportDatabase>;

public sealed class VoiceImportAndSummaryPostgresTests(PostgresVoiceImportDatabase database)
    : VoiceImportAndSummaryTests(database), IClassFixture<PostgresVoiceImportDatabase>;
