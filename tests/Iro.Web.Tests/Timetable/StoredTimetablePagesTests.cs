using System.Text.RegularExpressions;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Calendar;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Iro.Web.Tests.Timetable.TimetableScenario;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// The timetable scenario plus three children whose local IDs sort differently as ordinal text and by a
/// language's rules (k9, L9, Z9), all entered on Mon 2 Nov 2026 so their first review is due the same day
/// (Mon 30 Nov 2026). k9 and L9 were also looked after from Mon 6 Jan 2025 to 30 Jun 2025: first review due
/// Mon 3 Feb 2025, held a week late on Mon 10 Feb 2025, so both are late reviews of 2024-25 on the same day.
/// </summary>
public abstract class StoredTimetablePagesApp(DatabaseProvider provider) : TimetableApp(provider)
{
    public static readonly string[] SameDueDate = ["k9", "L9", "Z9"];

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        var db = services.GetRequiredService<IroDbContext>();
        var ada = db.ReviewingOfficers.Single(o => o.Email == AccessScenario.IroAda);
        foreach (var id in SameDueDate)
        {
            var child = new Child
            {
                LocalId = id, FirstName = "Sam", LastName = id, DateOfBirth = new DateOnly(2014, 5, 1), Sex = Sex.M,
                Ethnicity = Ethnicity.WBRI, Upn = "UN1",
            };
            child.IroAllocations.Add(new IroAllocation { ReviewingOfficerId = ada.Id, From = D("2026-11-02") });
            child.Episodes.Add(Episode(D("2026-11-02"), null));
            if (id != "Z9")
            {
                child.Episodes.Add(Episode(D("2025-01-06"), D("2025-06-30")));
                child.Reviews.Add(new Review { HeldOn = D("2025-02-10"), Participation = ParticipationCode.PN1 });
            }

            db.Children.Add(child);
        }

        await db.SaveChangesAsync();
    }

    public static CareEpisode Episode(DateOnly start, DateOnly? end) => new()
    {
        Start = start, End = end, ReasonForNewEpisode = ReasonForNewEpisode.S, ReasonCeased = end is null ? null : ReasonEpisodeCeased.E4A,
        LegalStatus = LegalStatus.C2, CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U1, PlacementProvider = PlacementProvider.PR1,
    };
}

public sealed class StoredTimetablePagesSqliteApp() : StoredTimetablePagesApp(DatabaseProvider.Sqlite);

public sealed class StoredTimetablePagesPostgresApp() : StoredTimetablePagesApp(DatabaseProvider.Postgres);

/// <summary>
/// The service pages read the stored timetable: text ordered as ordinal text on both databases, and a change
/// made after a page was first viewed shown the next time.
/// </summary>
public abstract partial class StoredTimetablePagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StoredTimetablePagesApp
{
    private async Task<string> PageAsync(string path) =>
        await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync(path);

    private static string[] Children(string html) => [.. ChildRow().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Reviews_due_with_the_same_due_date_are_in_ordinal_order_of_local_id()
    {
        var listed = Children(await PageAsync("/reviews/due")).Where(StoredTimetablePagesApp.SameDueDate.Contains);
        Assert.Equal(["L9", "Z9", "k9"], listed);
    }

    [Fact]
    public async Task Late_reviews_on_the_same_day_are_in_ordinal_order_of_local_id()
    {
        var html = await PageAsync("/reviews/timeliness?year=2024-25");
        var late = html[html.IndexOf("id=\"late-reviews\"", StringComparison.Ordinal)..];
        Assert.Equal(["/children/L9", "/children/k9", "/children/T1"], [.. ChildLink().Matches(late).Select(m => m.Value)]);
        var csv = await PageAsync("/reviews/timeliness?year=2024-25&handler=csv");
        Assert.Contains("late_review,2025-02,,,,L9,Sam L9,2025-02-10,2025-02-03,7,,", csv, StringComparison.Ordinal);
        Assert.True(csv.IndexOf(",L9,", StringComparison.Ordinal) < csv.IndexOf(",k9,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviews_due_shows_a_review_recorded_after_the_first_view()
    {
        var before = await PageAsync("/reviews/due?status=due-soon");
        Assert.Contains("data-child=\"T4\"", before, StringComparison.Ordinal);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var t4 = await db.Children.SingleAsync(c => c.LocalId == "T4");
            db.Reviews.Add(new Review { ChildId = t4.Id, HeldOn = D("2026-11-26"), Participation = ParticipationCode.PN1 });
            await db.SaveChangesAsync();
        }

        // Held on 26 Nov 2026, the next review is due three months on: no longer due soon.
        Assert.DoesNotContain("data-child=\"T4\"", await PageAsync("/reviews/due?status=due-soon"), StringComparison.Ordinal);
        var csv = await PageAsync("/reviews/due?handler=csv");
        Assert.Contains("T4,Tess Dale,Ben Okri,2027-02-26,scheduled,Standard,true,2026-11-26,not-booked,,,,,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allocation_change_moves_a_child_from_one_IROs_reviews_due_to_the_others()
    {
        int benId;
        using (var scope = app.Services.CreateScope())
        {
            benId = await scope.ServiceProvider.GetRequiredService<IroDbContext>().ReviewingOfficers.Where(o => o.Email == AccessScenario.IroBen).Select(o => o.Id).SingleAsync();
        }

        async Task<string[]> DueListOfAsync(string iro) => Children(await (await app.ClientForAsync(iro)).GetStringAsync("/reviews/due"));
        Assert.Contains("Z9", await DueListOfAsync(AccessScenario.IroAda));
        Assert.DoesNotContain("Z9", await DueListOfAsync(AccessScenario.IroBen));
        Assert.DoesNotContain("Z9", Children(await PageAsync($"/reviews/due?iro={benId}")));

        // As the allocation page does: the current allocation ends today and Ben's starts.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().ServiceToday();
            var allocation = await db.IroAllocations.SingleAsync(a => a.Child!.LocalId == "Z9" && a.To == null);
            allocation.To = today;
            db.IroAllocations.Add(new IroAllocation { ChildId = allocation.ChildId, ReviewingOfficerId = benId, From = today });
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain("Z9", await DueListOfAsync(AccessScenario.IroAda));
        Assert.Contains("Z9", await DueListOfAsync(AccessScenario.IroBen));
        Assert.Contains("Z9", Children(await PageAsync($"/reviews/due?iro={benId}")));
    }

    [GeneratedRegex("data-child=\"([^\"]+)\"")]
    private static partial Regex ChildRow();

    [GeneratedRegex("/children/[A-Za-z0-9]+(?=\")")]
    private static partial Regex ChildLink();
}

public sealed class StoredTimetablePagesSqliteTests(StoredTimetablePagesSqliteApp app) : StoredTimetablePagesTests<StoredTimetablePagesSqliteApp>(app);

public sealed class StoredTimetablePagesPostgresTests(StoredTimetablePagesPostgresApp app) : StoredTimetablePagesTests<StoredTimetablePagesPostgresApp>(app);
