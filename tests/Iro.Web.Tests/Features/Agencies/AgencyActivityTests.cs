using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Iro.Web.Tests.Features.Agencies;

/// <summary>
/// Agency activity for September and October 2026 over the access scenario, where B1 and AB1 are allocated to
/// Ben (Northwind) and D1 to Dev (Southgate) throughout, all looked after. Added here:
/// <list type="bullet">
/// <item>held reviews: B1 on 15 Sep and AB1 on 5 Oct chaired by Ben, D1 on 20 Oct by Dev; not counted: a review
/// Ben has booked in October, and A1's held review chaired by Ada (in-house);</item>
/// <item>midway reviews: B1 on 20 Sep and AB1 on 10 Oct (Ben's children), D1 on 1 Sep (Dev's); not counted: a
/// deleted one of B1's in October, and A1's (Ada's child);</item>
/// <item>C2, looked after from 1 Oct and allocated to Cara from 15 Oct; C3, looked after in September only and
/// allocated to Cara from 1 to 30 Sep, which does not cover 30 September (half-open), so not counted at month end.</item>
/// </list>
/// </summary>
public abstract class AgencyActivityTests(IroAppFactory app) : IAsyncLifetime
{
    private const string Range = "from=2026-09&to=2026-10";

    // month, agency, IRO, reviews chaired, midway reviews, children allocated at month end
    private static readonly (string Month, string Agency, string Iro, int Chaired, int Midway, int Children)[] Expected =
    [
        ("2026-09", AccessScenario.Northwind, "Ben Okri", 1, 1, 2),
        ("2026-09", AccessScenario.Northwind, "Cara Delaney", 0, 0, 0),
        ("2026-09", "Southgate Reviewing", "Dev Patel", 0, 1, 1),
        ("2026-10", AccessScenario.Northwind, "Ben Okri", 1, 1, 2),
        ("2026-10", AccessScenario.Northwind, "Cara Delaney", 0, 0, 1),
        ("2026-10", "Southgate Reviewing", "Dev Patel", 1, 0, 1),
    ];

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        if (await db.Children.AnyAsync(c => c.LocalId == "C2")) return;
        var officers = await db.ReviewingOfficers.ToDictionaryAsync(o => o.Name.Split(' ')[0]);
        var children = await db.Children.ToDictionaryAsync(c => c.LocalId);

        void Held(string child, string chair, DateOnly on, ReviewStatus status = ReviewStatus.Held) =>
            db.Reviews.Add(new Review { ChildId = children[child].Id, ChairId = officers[chair].Id, HeldOn = on, Status = status });
        Held("B1", "Ben", new DateOnly(2026, 9, 15));
        Held("AB1", "Ben", new DateOnly(2026, 10, 5));
        Held("D1", "Dev", new DateOnly(2026, 10, 20));
        Held("B1", "Ben", new DateOnly(2026, 10, 28), ReviewStatus.Planned);
        Held("A1", "Ada", new DateOnly(2026, 10, 2));

        void Midway(string child, DateOnly on, bool deleted = false) => db.MidwayReviews.Add(new MidwayReview
        {
            ChildId = children[child].Id, HeldOn = on, Method = MidwayMethod.Visit, WithWhom = "Carer", Summary = "Settled", IsDeleted = deleted,
            CreatedByUserId = "support", CreatedByName = "Business support", CreatedAt = IroAppFactory.Now,
        });
        Midway("B1", new DateOnly(2026, 9, 20));
        Midway("AB1", new DateOnly(2026, 10, 10));
        Midway("D1", new DateOnly(2026, 9, 1));
        Midway("B1", new DateOnly(2026, 10, 12), deleted: true);
        Midway("A1", new DateOnly(2026, 10, 12));

        db.Children.Add(Child("C2", new DateOnly(2026, 10, 1), null, new IroAllocation { ReviewingOfficerId = officers["Cara"].Id, From = new DateOnly(2026, 10, 15) }));
        db.Children.Add(Child("C3", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30),
            new IroAllocation { ReviewingOfficerId = officers["Cara"].Id, From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) }));
        await db.SaveChangesAsync();
    }

    private static Child Child(string id, DateOnly start, DateOnly? end, IroAllocation allocation)
    {
        var child = new Child { LocalId = id, DateOfBirth = new DateOnly(2015, 1, 1), Sex = Sex.F, Ethnicity = Ethnicity.WBRI };
        child.Episodes.Add(new CareEpisode
        {
            Start = start, End = end, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2, CategoryOfNeed = CategoryOfNeed.N1,
            Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1, ReasonCeased = end is null ? null : ReasonEpisodeCeased.E11,
        });
        child.IroAllocations.Add(allocation);
        return child;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_csv_gives_each_agency_IRO_s_figures_per_month()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var csv = await client.GetStringAsync($"/agencies/activity?handler=Csv&{Range}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,agency,iro,iro_email,reviews_chaired,midway_reviews,children_allocated_at_month_end", lines[0]);
        Assert.Equal(Expected.Select(e => $"{e.Month},{e.Agency},{e.Iro},{Email(e.Iro)},{e.Chaired},{e.Midway},{e.Children}"), lines.Skip(1));
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_month_with_the_same_figures_and_is_valid()
    {
        var client = await app.ClientForAsync(AccessScenario.Support);

        var response = await client.GetAsync($"/agencies/activity?handler=Xlsx&{Range}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var errors = new OpenXmlValidator().Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Description)));
        }

        using var workbook = new MemoryStream(bytes);
        Assert.Equal(["2026-09", "2026-10"], MiniExcel.GetSheetNames(workbook));
        foreach (var month in new[] { "2026-09", "2026-10" })
        {
            workbook.Position = 0;
            var rows = workbook.Query(useHeaderRow: true, sheetName: month).Cast<IDictionary<string, object?>>()
                .Select(r => (month, Convert.ToString(r["agency"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(r["iro"], System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt32(r["reviews_chaired"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(r["midway_reviews"], System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt32(r["children_allocated_at_month_end"], System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            Assert.Equal(Expected.Where(e => e.Month == month).Select(e => (e.Month, (string?)e.Agency, (string?)e.Iro, e.Chaired, e.Midway, e.Children)), rows);
        }
    }

    [Fact]
    public async Task An_agency_coordinator_sees_only_their_agency()
    {
        var client = await app.ClientForAsync(AccessScenario.Coordinator);

        var html = await client.GetStringAsync($"/agencies/activity?{Range}");
        var csv = await client.GetStringAsync($"/agencies/activity?handler=Csv&{Range}");

        Assert.Contains("Ben Okri", html, StringComparison.Ordinal);
        Assert.Contains("Cara Delaney", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dev Patel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Southgate", csv, StringComparison.Ordinal);
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(AccessScenario.Manager, true)]
    [InlineData(AccessScenario.Support, true)]
    [InlineData(AccessScenario.Admin, true)]
    [InlineData(AccessScenario.Coordinator, true)]
    [InlineData(AccessScenario.Analyst, false)]
    [InlineData(AccessScenario.IroBen, false)]
    public async Task Who_may_open_the_page(string user, bool allowed)
    {
        var client = await app.ClientForAsync(user);

        var response = await client.GetAsync($"/agencies/activity?{Range}");

        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13&to=2026-10", "The first month must be a month written as year and month")]
    [InlineData("from=2026-10&to=2026-09", "The last month must be the same as or after the first month")]
    public async Task A_bad_month_range_is_an_error_and_downloads_nothing(string query, string message)
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var response = await client.GetAsync($"/agencies/activity?handler=Xlsx&{query}");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    private static string Email(string iro) => iro.Split(' ')[0].ToLowerInvariant() + "@test.example";
}

public sealed class AgencyActivitySqliteTests(SqliteApp app) : AgencyActivityTests(app), IClassFixture<SqliteApp>;

public sealed class AgencyActivityPostgresTests(PostgresApp app) : AgencyActivityTests(app), IClassFixture<PostgresApp>;
