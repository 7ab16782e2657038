using System.Net;
using System.Text.RegularExpressions;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Iro.Web.Tests.Timetable.TimetableScenario;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// The timetable scenario plus: SB1, whose short breaks ended in October (no IRO since), SB2 between breaks
/// with an IRO still allocated, a booking for T1 after its due date, and 20 more children so the list has two pages.
/// </summary>
public abstract class ReviewsDueApp(DatabaseProvider provider) : TimetableApp(provider)
{
    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        var db = services.GetRequiredService<IroDbContext>();
        var ada = db.ReviewingOfficers.Single(o => o.Email == AccessScenario.IroAda);

        var ended = Child("SB1", ada.Id, D("2026-02-02"), D("2026-10-05"));
        ended.Episodes.Add(ShortBreak(D("2026-02-02"), D("2026-02-05")));
        ended.Episodes.Add(ShortBreak(D("2026-10-02"), D("2026-10-05")));
        var between = Child("SB2", ada.Id, D("2026-09-01"), null);
        between.Episodes.Add(ShortBreak(D("2026-09-01"), D("2026-09-04")));
        between.Episodes.Add(ShortBreak(D("2026-11-06"), D("2026-11-09")));
        db.Children.AddRange(ended, between);
        for (var i = 1; i <= 20; i++)
        {
            var child = Child($"P{i:D2}", ada.Id, D("2026-11-02"), null);
            child.Episodes.Add(new CareEpisode
            {
                Start = D("2026-11-02"), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U1, PlacementProvider = PlacementProvider.PR1,
            });
            db.Children.Add(child);
        }

        var t1 = db.Children.Single(c => c.LocalId == "T1");
        db.Reviews.Add(new Review
        {
            ChildId = t1.Id, Status = ReviewStatus.Planned, HeldOn = D("2027-03-30"), DueOn = T1NextDue,
            StartsAt = new TimeOnly(10, 30), Format = MeetingFormat.InPerson, Venue = "Riverside Family Centre",
        });
        await db.SaveChangesAsync();
    }

    private static Child Child(string id, int officerId, DateOnly allocated, DateOnly? allocationEnds)
    {
        var child = new Child
        {
            LocalId = id, FirstName = "Pat", LastName = id, DateOfBirth = new DateOnly(2013, 4, 1), Sex = Sex.F,
            Ethnicity = Ethnicity.WBRI, Upn = "UN1",
        };
        child.IroAllocations.Add(new IroAllocation { ReviewingOfficerId = officerId, From = allocated, To = allocationEnds });
        return child;
    }

    private static CareEpisode ShortBreak(DateOnly start, DateOnly end) => new()
    {
        Start = start, End = end, ReasonForNewEpisode = ReasonForNewEpisode.S, ReasonCeased = ReasonEpisodeCeased.E4A,
        LegalStatus = LegalStatus.V3, CategoryOfNeed = CategoryOfNeed.N2, Placement = PlacementType.U6,
        PlacementProvider = PlacementProvider.PR1,
    };
}

public sealed class ReviewsDueSqliteApp() : ReviewsDueApp(DatabaseProvider.Sqlite);

public sealed class ReviewsDuePostgresApp() : ReviewsDueApp(DatabaseProvider.Postgres);

public abstract partial class ReviewsDueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReviewsDueApp
{
    private async Task<string> PageAsync(string path)
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string[] Children(string html) => [.. ChildRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static string RowOf(string html, string child)
    {
        var start = html.IndexOf($"data-child=\"{child}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"{child} is not listed");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private async Task<string[]> EveryPageAsync(string query = "")
    {
        var first = await PageAsync("/reviews/due" + query);
        var pages = PageLink().Matches(first).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max();
        var children = new List<string>(Children(first));
        for (var p = 2; p <= pages; p++)
            children.AddRange(Children(await PageAsync($"/reviews/due?{(query.Length > 0 ? query[1..] + "&" : "")}p={p}")));
        return [.. children];
    }

    [Fact]
    public async Task Reviews_due_leaves_out_children_no_longer_looked_after()
    {
        var children = await EveryPageAsync();
        Assert.DoesNotContain("SB1", children);
        // Between breaks with an IRO allocated, and back in care after leaving: both still looked after.
        Assert.Contains("SB2", children);
        Assert.Contains("T2", children);
    }

    [Fact]
    public async Task Reviews_due_shows_the_booked_review_against_the_due_date()
    {
        var html = await EveryPageHtmlAsync();
        var t1 = RowOf(html, "T1");
        Assert.Contains("25 Mar 2027", t1, StringComparison.Ordinal);
        Assert.Contains("data-booking=\"booked\"", t1, StringComparison.Ordinal);
        Assert.Contains("30 Mar 2027, 10:30, In person, Riverside Family Centre", t1, StringComparison.Ordinal);
        Assert.Contains("After the due date", t1, StringComparison.Ordinal);
        Assert.Contains("Not due yet", t1, StringComparison.Ordinal);
        Assert.DoesNotContain(">Scheduled<", html, StringComparison.Ordinal);
        var a1 = RowOf(html, "A1");
        Assert.Contains("data-booking=\"not-booked\"", a1, StringComparison.Ordinal);
        Assert.Contains("Not booked", a1, StringComparison.Ordinal);

        Assert.Equal(["T1"], await EveryPageAsync("?booking=booked"));
        var notBooked = await EveryPageAsync("?booking=not-booked");
        Assert.DoesNotContain("T1", notBooked);
        Assert.Contains("A1", notBooked);
    }

    [Fact]
    public async Task Reviews_due_is_paged_25_a_page_like_the_other_lists()
    {
        var first = await PageAsync("/reviews/due");
        Assert.Equal(25, Children(first).Length);
        Assert.Contains("class=\"govuk-pagination\"", first, StringComparison.Ordinal);
        Assert.Contains("<strong>30</strong> children, showing 1 to 25", first, StringComparison.Ordinal);
        var second = await PageAsync("/reviews/due?p=2");
        Assert.Equal(5, Children(second).Length);
        Assert.Contains("showing 26 to 30", second, StringComparison.Ordinal);
        Assert.Empty(Children(first).Intersect(Children(second)));
    }

    [Fact]
    public async Task Reviews_due_csv_has_every_page_s_rows_with_the_booking_columns()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var csv = await client.GetStringAsync("/reviews/due?handler=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("child_id,name,iro,due_date,status,regime,reliable,last_review,booking,booked_date,", lines[0], StringComparison.Ordinal);
        Assert.Equal(await EveryPageAsync(), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("T1,Tom Ashby,Ada Lovelace,2027-03-25,scheduled,Standard,true,2026-09-25,booked,2027-03-30,10:30,InPerson,Riverside Family Centre,true", lines);
    }

    private async Task<string> EveryPageHtmlAsync() =>
        string.Concat(await PageAsync("/reviews/due"), await PageAsync("/reviews/due?p=2"));

    [GeneratedRegex("data-child=\"([^\"]+)\"")]
    private static partial Regex ChildRow();

    [GeneratedRegex(@"aria-label=""Page (\d+)""")]
    private static partial Regex PageLink();
}

public sealed class ReviewsDueSqliteTests(ReviewsDueSqliteApp app) : ReviewsDueTests<ReviewsDueSqliteApp>(app);

public sealed class ReviewsDuePostgresTests(ReviewsDuePostgresApp app) : ReviewsDueTests<ReviewsDuePostgresApp>(app);
