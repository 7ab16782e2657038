using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Features.AnnualReport;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>
/// The annual report from data imported through the command line only: three years of 903 returns (2015-16 to
/// 2017-18), two IROs, their allocations, an escalation and two advocacy referrals. The 2017-18 report's figures
/// are compared with figures worked out by hand from those files, the Word document is validated, and the
/// workbook is read back and compared with the JSON figure by figure.
///
/// Children. 7001 (boy, born 31 March 2002: 16 exactly on 31 March 2018) looked after from 1 June 2015, open.
/// 7003 (girl, born 15 August 2012) from Friday 1 April 2016, ceased on 31 March 2018. 7002 (girl, born 1 April
/// 2010: still 7 on 31 March 2018) from 31 March 2018, the last day of the year.
///
/// IROs. Helen Marsh, in-house, female, White British, 1.0 FTE from 1 January 2015. Amir Shah, commissioned, male,
/// Indian, 0.5 FTE from 1 June 2017. Allocations: 7001 Helen from 1 June 2015, Amir from 5 June 2017 (a change);
/// 7003 Helen from 6 April 2016 (the third working day) to 31 March 2018; 7002 Helen from 31 March 2018.
///
/// Reviews (all on the standard timetable: first within 20 working days of the start, second within 3 months,
/// then every 6 months). 7001: 22 Jun 2015, 15 Sep 2015, 10 Mar 2016, 1 Sep 2016, 20 Feb 2017, 1 Sep 2017 (due
/// 20 Aug 2017: late), 10 Feb 2018. 7003: 20 Apr 2016, 11 Jul 2016, 5 Jan 2017, 30 Jun 2017, 15 Dec 2017.
/// </summary>
public abstract class AnnualReportFromImportsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("iro-annual-").FullName;
        const string boy = "7001,1,31/03/2002,WBRI,A123456789012,,";
        const string girl = "7003,2,15/08/2012,WIRI,A310987654321,,";
        const string youngest = "7002,2,01/04/2010,BCRB,A210987654321,,";
        const string boyEpisode = "7001,01/06/2015,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456";
        await ImportReturnAsync("2015-16", [boy], [boyEpisode],
            ["7001,31/03/2002,22/06/2015,PN1", "7001,31/03/2002,15/09/2015,PN1", "7001,31/03/2002,10/03/2016,PN1"]);
        await ImportReturnAsync("2016-17", [boy, girl], [boyEpisode, "7003,01/04/2016,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321"],
        [
            "7001,31/03/2002,01/09/2016,PN1", "7001,31/03/2002,20/02/2017,PN1",
            "7003,15/08/2012,20/04/2016,PN0", "7003,15/08/2012,11/07/2016,PN0", "7003,15/08/2012,05/01/2017,PN1",
        ]);
        await ImportReturnAsync("2017-18", [boy, girl, youngest],
            [boyEpisode, "7003,01/04/2016,S,V2,N5,U6,PR4,31/03/2018,E4A,,NW10 2QD,HA9 8DN,SC654321", "7002,31/03/2018,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456"],
        [
            "7001,31/03/2002,01/09/2017,PN1", "7001,31/03/2002,10/02/2018,PN3",
            "7003,15/08/2012,30/06/2017,PN1", "7003,15/08/2012,15/12/2017,PN2",
        ]);
        await SucceedsAsync("import", "iros", "--file", WriteFile("iros.csv",
            "name,email,phone,employment,agency,fte,gender,ethnicity,start_date,end_date",
            "Helen Marsh,helen@council.example,,InHouse,,1.0,Female,WBRI,2015-01-01,",
            "Amir Shah,amir@orbis.example,,Commissioned,Orbis Reviewing,0.5,Male,AIND,2017-06-01,"));
        await SucceedsAsync("import", "allocations", "--file", WriteFile("allocations.csv",
            "child,iro_email,from,to,reason",
            "7001,helen@council.example,2015-06-01,2017-06-05,",
            "7001,amir@orbis.example,2017-06-05,,Workload",
            "7003,helen@council.example,2016-04-06,2018-03-31,",
            "7002,helen@council.example,2018-03-31,,"));
        await SucceedsAsync("import", "escalations", "--file", WriteFile("escalations.csv",
            "child,iro_email,raised_on,themes,highest_level,resolved_on,outcome,cafcass_referred_on",
            "7001,amir@orbis.example,2017-07-03,Placement,TeamManager,2017-07-10,Resolved,"));
        await SucceedsAsync("import", "advocacy", "--file", WriteFile("advocacy.csv",
            "child,referred_on,source,reasons,provider,started_on,closed_on,hours",
            "7001,2017-05-02,Iro,,,,,3",
            "7003,2016-10-10,Child,,,,,"));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The year's figures and, under <c>previousYear</c>, 2016-17's, each worked out by hand.</summary>
    private static readonly (string Path, string Expected)[] Figures =
    [
        // At 31 March 2018: Helen and Amir in post, 1.0 + 0.5 FTE; Amir joined in the year.
        ("iros.atEnd", """{ "count": 2, "fte": 1.5, "employment": { "InHouse": 1, "Commissioned": 1 }, "gender": { "Male": 1, "Female": 1 }, "ethnicity": { "White": 1, "Mixed": 0, "Asian": 1, "Black": 0, "Other": 0 } }"""),
        ("iros.joiners", "1"),
        ("previousYear.iros.atEnd.count", "1"),
        // 31 March 2018: 7001 (Amir's) and 7002 (Helen's from that day) looked after; 7003 ceased that day.
        // Service 2 children / 1.5 FTE = 1.33, 1.3; in-house 1 / 1.0; commissioned 1 / 0.5 = 2.0.
        ("caseloads.atEnd", """
            { "service": { "headcount": 2, "fte": 1.5, "children": 2, "perFte": 1.3 },
              "InHouse": { "headcount": 1, "fte": 1.0, "children": 1, "perFte": 1.0 },
              "Commissioned": { "headcount": 1, "fte": 0.5, "children": 1, "perFte": 2.0 } }
            """),
        // 31 March 2017: Helen alone (1.0) with 7001 and 7003; no commissioned IRO, so no per FTE.
        ("previousYear.caseloads.atEnd", """
            { "service": { "headcount": 1, "fte": 1.0, "children": 2, "perFte": 2.0 },
              "InHouse": { "headcount": 1, "fte": 1.0, "children": 2, "perFte": 2.0 },
              "Commissioned": { "headcount": 0, "fte": 0.0, "children": 0, "perFte": null } }
            """),
        // 30 April 2017: Helen with 7001 and 7003: 2 / 1.0. 30 June 2017: Amir has joined and has 7001: 2 / 1.5.
        ("caseloads.monthly[0]", """{ "month": "2017-04", "children": 2, "fte": 1.0, "perFte": 2.0 }"""),
        ("caseloads.monthly[2]", """{ "month": "2017-06", "children": 2, "fte": 1.5, "perFte": 1.3 }"""),
        ("caseloads.monthly[11]", """{ "month": "2018-03", "children": 2, "fte": 1.5, "perFte": 1.3 }"""),
        // 31 March 2017: 7001 aged 15, 7003 aged 4. 31 March 2018: 7001 aged 16 (that day), 7002 aged 7.
        ("lookedAfter.atStart.total", "2"),
        ("lookedAfter.atStart.age", """{ "under 1": 0, "1-4": 1, "5-9": 0, "10-15": 1, "16+": 0 }"""),
        ("lookedAfter.atEnd.total", "2"),
        ("lookedAfter.atEnd.age", """{ "under 1": 0, "1-4": 0, "5-9": 1, "10-15": 0, "16+": 1 }"""),
        ("lookedAfter.atEnd.sex", """{ "Male": 1, "Female": 1 }"""),
        // 7002 started on the last day of the year; 7003 ceased; all three were looked after at some time.
        ("lookedAfter.starts", "1"),
        ("lookedAfter.ceases", "1"),
        ("lookedAfter.atAnyTime", "3"),
        ("previousYear.lookedAfter.atStart.total", "1"),
        ("previousYear.lookedAfter.starts", "1"),
        ("previousYear.lookedAfter.atAnyTime", "2"),
        // 2017-18: 4 held (7001's 1 September late), 3 on time, 75.0%. 2016-17: 5 held, all on time.
        // Participation: 7003's reviews before her 4th birthday (15 August 2016) are PN0, as the 903 requires.
        ("reviews.held", "4"),
        ("reviews.onTime", "3"),
        ("reviews.percentOnTime", "75.0"),
        ("reviews.participation", """{ "PN0": 0, "PN1": 2, "PN2": 1, "PN3": 1, "PN4": 0, "PN5": 0, "PN6": 0, "PN7": 0 }"""),
        ("previousYear.reviews.held", "5"),
        ("previousYear.reviews.onTime", "5"),
        ("previousYear.reviews.participation", """{ "PN0": 2, "PN1": 3, "PN2": 0, "PN3": 0, "PN4": 0, "PN5": 0, "PN6": 0, "PN7": 0 }"""),
        // 7002's period started on 31 March 2018 and was allocated that day; 7001 changed IRO on 5 June 2017.
        // At 31 March 2018 only 7002 of the 2 looked after has had one IRO in the current period.
        ("allocation", """{ "periodsStarted": 1, "allocatedWithinFiveWorkingDays": 1, "iroChanges": 1, "sameIroThroughoutCurrentPeriod": { "children": 1, "of": 2 } }"""),
        // 2016-17: 7003's period from 1 April 2016 allocated on the third working day; both children had only Helen.
        ("previousYear.allocation", """{ "periodsStarted": 1, "allocatedWithinFiveWorkingDays": 1, "iroChanges": 0, "sameIroThroughoutCurrentPeriod": { "children": 2, "of": 2 } }"""),
        // Reviews imported from the 903 carry no paperwork dates, and nothing was recorded between reviews.
        ("paperwork", """{ "reviews": 0, "onTime": 0, "percent": 0.0 }"""),
        ("activity", """{ "midwayReviews": 0, "caseNotes": 0, "decisions": 0 }"""),
        ("escalations.count", "1"),
        ("previousYear.escalations.count", "0"),
        // One referral (7001) of the 2 looked after at 31 March 2018: 50.0%; 7003 was referred in 2016-17.
        ("voice.advocacy.childrenReferred", "1"),
        ("voice.advocacy.previousYearChildrenReferred", "1"),
        ("voice.advocacy.percentOfLookedAfterAtEnd", "50.0"),
        ("voice.advocacy.hours", "3"),
        ("previousYear.voice.advocacy.referrals", "1"),
    ];

    [Fact]
    public async Task The_report_from_imported_returns_equals_the_hand_computed_figures_in_every_format()
    {
        var output = await SucceedsAsync("report", "annual", "--year", "2017-18", "--format", "json");
        var json = JsonNode.Parse(output)!.AsObject();
        foreach (var (path, expected) in Figures)
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), At(json, path)), $"{path}: expected {expected}, got {At(json, path)?.ToJsonString()}");
        Assert.Equal("2017-18", (string?)json["year"]);
        Assert.Equal(12, json["caseloads"]!["monthly"]!.AsArray().Count);

        var docx = Path.Combine(_folder, "report.docx");
        var xlsx = Path.Combine(_folder, "report.xlsx");
        await SucceedsAsync("report", "annual", "--year", "2017-18", "--format", "docx", "--out", docx);
        await SucceedsAsync("report", "annual", "--year", "2017-18", "--format", "xlsx", "--out", xlsx);
        using (var word = WordprocessingDocument.Open(docx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            // The charts of reviews by month, looked after by age and caseloads by month, as pictures.
            Assert.Equal(3, word.MainDocumentPart!.ImageParts.Count());
        }

        var workbook = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: ReportWorkbook.FiguresSheet).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["Path"], r => r["Value"]);
        var numbers = ReportWorkbook.Flatten(json).Where(f => f.Value is decimal).ToList();
        Assert.NotEmpty(numbers);
        foreach (var (path, value) in numbers)
            Assert.True(workbook.TryGetValue(path, out var cell) && Convert.ToDecimal(cell, CultureInfo.InvariantCulture) == (decimal)value!, $"{path}: JSON {value}, workbook {cell}");
    }

    private static JsonNode? At(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            var index = part.IndexOf('[', StringComparison.Ordinal);
            node = index < 0 ? node?[part] : node?[part[..index]]?[int.Parse(part[(index + 1)..^1], CultureInfo.InvariantCulture)];
        }

        return node;
    }

    private async Task ImportReturnAsync(string year, string[] header, string[] episodes, string[] reviews)
    {
        var folder = Path.Combine(_folder, year);
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "header.csv"), ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", .. header]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "episodes.csv"),
            ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", .. episodes]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "reviews.csv"), ["CHILD,DOB,REVIEW,REVIEW_CODE", .. reviews]);
        await SucceedsAsync("import", "ssda903", "--year", year, "--accept-warnings", folder);
    }

    private string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private async Task<string> SucceedsAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, _database.Settings);
        Assert.True(exit == 0, $"iro {string.Join(' ', args)}: {error}");
        return output.ToString();
    }
}

public sealed class AnnualReportFromImportsSqliteTests() : AnnualReportFromImportsTests(DatabaseProvider.Sqlite);

public sealed class AnnualReportFromImportsPostgresTests() : AnnualReportFromImportsTests(DatabaseProvider.Postgres);
