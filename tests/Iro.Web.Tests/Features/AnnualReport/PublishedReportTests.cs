using System.Text.Json.Nodes;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>
/// Publishing freezes a year's figures: a later correction to the data changes neither the published report nor
/// the next year's comparison column, which lists the correction as a restatement instead.
/// </summary>
public abstract class PublishedReportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await CommandHost.RunAsync(_database.Settings, async (services, ct) =>
        {
            await CommandHost.MigrateAsync(services, ct);
            return 0;
        }, CancellationToken.None);
        await WithDbAsync(async db =>
        {
            var child = new Child
            {
                LocalId = "R1", DateOfBirth = new DateOnly(2002, 3, 31), Sex = Sex.F, Ethnicity = Ethnicity.WBRI,
                Episodes = [new CareEpisode { Start = new DateOnly(2016, 1, 4), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2, Placement = PlacementType.U6 }],
            };
            db.Children.Add(child);
            await db.SaveChangesAsync();
            db.Reviews.Add(new Review { ChildId = child.Id, HeldOn = new DateOnly(2017, 6, 1), Status = ReviewStatus.Held, Participation = ParticipationCode.PN1 });
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_published_report_keeps_its_figures_and_the_next_year_shows_the_correction_as_a_restatement()
    {
        var draft = await ReportAsync("2017-18");
        Assert.Equal(1, (int)draft["reviews"]!["participation"]!["PN1"]!);

        var (exit, _, error) = await RunAsync("report", "publish", "--year", "2017-18");
        Assert.True(exit == 0, error);
        var published = await ReportAsync("2017-18");

        // A correction after publishing: the review's participation was PN3.
        await WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync();
            review.Participation = ParticipationCode.PN3;
            await db.SaveChangesAsync();
        });

        var afterCorrection = await ReportAsync("2017-18");
        Assert.True(JsonNode.DeepEquals(published, afterCorrection), afterCorrection.ToJsonString());
        Assert.Equal(1, (int)afterCorrection["reviews"]!["participation"]!["PN1"]!);

        var nextYear = await ReportAsync("2018-19");
        Assert.Equal(1, (int)nextYear["previousYear"]!["reviews"]!["participation"]!["PN1"]!);
        var restated = nextYear["restatements"]!.AsArray().Select(r => ((string)r!["path"]!, (int)r["published"]!, (int)r["now"]!)).ToList();
        Assert.Contains(("reviews.participation.PN1", 1, 0), restated);
        Assert.Contains(("reviews.participation.PN3", 0, 1), restated);
    }

    [Fact]
    public async Task Publishing_is_blocked_when_a_breakdown_does_not_add_up()
    {
        // The child is 16 at 31 March 2018, older than the last closed band: the ages do not sum to the total.
        var settings = new Dictionary<string, string?>(_database.Settings) { ["Report:AgeBands"] = "0-4,5-9,10-15" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await IroCommandLine.RunAsync(["report", "publish", "--year", "2017-18"], output, error, settings);

        Assert.Equal(1, exit);
        Assert.Contains("by age", error.ToString(), StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(db => db.AnnualReportEditions.Where(e => e.PublishedFigures != null).Select(e => e.Year).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task The_Word_Excel_and_HTML_reports_carry_the_same_figures_as_the_JSON()
    {
        var json = await ReportAsync("2017-18");
        var folder = Directory.CreateTempSubdirectory("iro-report-").FullName;
        try
        {
            foreach (var format in new[] { "docx", "xlsx", "html" })
            {
                var (exit, _, error) = await RunAsync("report", "annual", "--year", "2017-18", "--format", format, "--out", Path.Combine(folder, "report." + format));
                Assert.True(exit == 0, error);
            }

            using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(folder, "report.docx"), false))
                Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}"));

            var workbook = Path.Combine(folder, "report.xlsx");
            using (var spreadsheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(workbook, false))
                Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(spreadsheet));
            var figures = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Figures").Cast<IDictionary<string, object>>()
                .ToDictionary(r => (string)r["Path"], r => r["Value"]);
            foreach (var path in new[] { "reviews.held", "reviews.participation.PN1", "lookedAfter.atEnd.total", "lookedAfter.atEnd.age.16+", "previousYear.reviews.held" })
            {
                var expected = path.Split('.').Aggregate((JsonNode?)json, (node, key) => node?[key]);
                Assert.Equal((decimal)expected!, Convert.ToDecimal(figures[path], System.Globalization.CultureInfo.InvariantCulture));
            }

            var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
            Assert.Contains("Table 1: IROs in post at 31 March", html, StringComparison.Ordinal);
            Assert.Contains("<caption>", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<JsonObject> ReportAsync(string year)
    {
        var (exit, output, error) = await RunAsync("report", "annual", "--year", year, "--format", "json");
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, _database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task WithDbAsync(Func<IroDbContext, Task> work) =>
        await WithDbAsync(async db => { await work(db); return 0; });

    private async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> work)
    {
        T result = default!;
        await CommandHost.RunAsync(_database.Settings, async (services, _) =>
        {
            result = await work(services.GetRequiredService<IroDbContext>());
            return 0;
        }, CancellationToken.None);
        return result;
    }
}

public sealed class PublishedReportSqliteTests() : PublishedReportTests(DatabaseProvider.Sqlite);

public sealed class PublishedReportPostgresTests() : PublishedReportTests(DatabaseProvider.Postgres);
