using System.Net;
using System.Text.RegularExpressions;
using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Allocations;

/// <summary>
/// The allocation workflow through its pages: the queue with its deadlines, allocating with a suggestion,
/// reallocating with a reason, each blocking check and the siblings warning (nothing saved), stale forms, and an
/// agency referral from the manager to the coordinator. Each test seeds its own children, so they share one app.
/// </summary>
public abstract partial class AllocationPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task The_queue_shows_the_deadline_counted_in_working_days_past_a_bank_holiday_overdue_first()
    {
        // Thursday 21 August 2025: Friday 22, then Tuesday 26 (Monday 25 is the summer bank holiday), 27, 28 and 29 August.
        await SeedChildAsync("Q-OLD", new DateOnly(2025, 8, 21));
        // Wednesday 25 November 2026: 26, 27, 30 November, 1 and 2 December; not yet due on Friday 27 November.
        await SeedChildAsync("Q-NEW", new DateOnly(2026, 11, 25));
        var support = await app.ClientForAsync(AccessScenario.Support);

        var html = await support.GetStringAsync("/allocations");

        var old = RowOf(html, "Q-OLD");
        Assert.Contains("29 Aug 2025", old, StringComparison.Ordinal);
        Assert.Contains("Overdue", old, StringComparison.Ordinal);
        var recent = RowOf(html, "Q-NEW");
        Assert.Contains("2 Dec 2026", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", recent, StringComparison.Ordinal);
        Assert.True(html.IndexOf("(Q-OLD)", StringComparison.Ordinal) < html.IndexOf("(Q-NEW)", StringComparison.Ordinal));
        Assert.DoesNotContain("(A1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_support_allocates_the_suggested_iro_and_the_child_leaves_the_queue()
    {
        await SeedChildAsync("Q-ALLOC", new DateOnly(2026, 11, 23));
        var support = await app.ClientForAsync(AccessScenario.Support);
        var page = await support.GetStringAsync("/children/Q-ALLOC/allocate");
        Assert.Contains("Suggested", page, StringComparison.Ordinal);
        Assert.Contains("Allocate by 30 Nov 2026", page, StringComparison.Ordinal);
        var ada = OfficerId(app, AccessScenario.IroAda);

        var response = await PostAsync(support, "/children/Q-ALLOC/allocate", ("Stamp", StampOf(page)), ("Officer", $"{ada}"), ("Date", "2026-11-27"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(Allocations("Q-ALLOC"));
        Assert.Equal((ada, new DateOnly(2026, 11, 27), (DateOnly?)null, (string?)null), (stored.ReviewingOfficerId, stored.From, stored.To, stored.ReasonForChange));
        Assert.DoesNotContain("(Q-ALLOC)", await support.GetStringAsync("/allocations"), StringComparison.Ordinal);
        Assert.Contains("Change the IRO", await support.GetStringAsync("/children/Q-ALLOC"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_reallocates_with_a_reason_closing_the_open_allocation_on_the_effective_date()
    {
        await SeedChildAsync("Q-REAL", new DateOnly(2026, 10, 1), (AccessScenario.IroAda, new DateOnly(2026, 10, 2)));
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var page = await manager.GetStringAsync("/children/Q-REAL/reallocate");
        var ben = OfficerId(app, AccessScenario.IroBen);

        var noReason = await PostAsync(manager, "/children/Q-REAL/reallocate", ("Stamp", StampOf(page)), ("Officer", $"{ben}"), ("Date", "2026-11-20"));
        Assert.Contains("Select the reason for the change", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(Allocations("Q-REAL"));

        var saved = await PostAsync(manager, "/children/Q-REAL/reallocate", ("Stamp", StampOf(page)), ("Reason", "Workload"), ("Officer", $"{ben}"), ("Date", "2026-11-20"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var history = Allocations("Q-REAL");
        Assert.Equal(
            [(OfficerId(app, AccessScenario.IroAda), new DateOnly(2026, 10, 2), (DateOnly?)new DateOnly(2026, 11, 20), (string?)null), (ben, new DateOnly(2026, 11, 20), null, "Workload")],
            history.Select(a => (a.ReviewingOfficerId, a.From, a.To, a.ReasonForChange)));
        var record = await manager.GetStringAsync("/children/Q-REAL");
        Assert.Contains("Workload", record, StringComparison.Ordinal);

        // The first form was loaded before the change: it is refused and nothing more is written.
        var stale = await PostAsync(manager, "/children/Q-REAL/reallocate", ("Stamp", StampOf(page)), ("Reason", "Other"), ("Officer", $"{OfficerId(app, "cara@test.example")}"), ("Date", "2026-11-25"));
        Assert.Contains("Someone else changed this child", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Allocations("Q-REAL").Count);
    }

    [Fact]
    public async Task A_reallocation_dated_on_or_before_the_open_allocation_is_refused()
    {
        await SeedChildAsync("Q-EARLY", new DateOnly(2026, 10, 1), (AccessScenario.IroAda, new DateOnly(2026, 10, 2)));
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var page = await manager.GetStringAsync("/children/Q-EARLY/reallocate");

        var response = await PostAsync(manager, "/children/Q-EARLY/reallocate", ("Stamp", StampOf(page)), ("Reason", "Workload"), ("Officer", $"{OfficerId(app, AccessScenario.IroBen)}"), ("Date", "2026-10-02"));

        Assert.Contains("The end of an allocation must be after its start", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Assert.Single(Allocations("Q-EARLY")).To);
    }

    [Fact]
    public async Task A_different_iro_from_the_siblings_is_warned_and_saved_only_when_confirmed()
    {
        await SeedChildAsync("Q-SIB1", new DateOnly(2026, 9, 1), (AccessScenario.IroAda, new DateOnly(2026, 9, 2)), siblingGroup: "SG-Q");
        await SeedChildAsync("Q-SIB2", new DateOnly(2026, 11, 20), siblingGroup: "SG-Q");
        var support = await app.ClientForAsync(AccessScenario.Support);
        var page = await support.GetStringAsync("/children/Q-SIB2/allocate");
        Assert.Contains("IRO of the child&#x27;s siblings", page, StringComparison.Ordinal);
        var ben = OfficerId(app, AccessScenario.IroBen);

        var warned = await PostAsync(support, "/children/Q-SIB2/allocate", ("Stamp", StampOf(page)), ("Officer", $"{ben}"), ("Date", "2026-11-27"));
        Assert.Contains("siblings have a different IRO", await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Allocations("Q-SIB2"));

        var confirmed = await PostAsync(support, "/children/Q-SIB2/allocate", ("Stamp", StampOf(page)), ("Officer", $"{ben}"), ("Date", "2026-11-27"), ("ConfirmWarnings", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ben, Assert.Single(Allocations("Q-SIB2")).ReviewingOfficerId);
    }

    [Fact]
    public async Task The_iro_of_a_linked_looked_after_parent_is_blocked()
    {
        await SeedChildAsync("Q-PARENT", new DateOnly(2026, 9, 1), (AccessScenario.IroAda, new DateOnly(2026, 9, 2)));
        await SeedChildAsync("Q-BABY", new DateOnly(2026, 11, 20));
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var linked = await PostAsync(manager, "/children/Q-BABY/links", ("Relation", "child-of"), ("OtherChildId", "Q-PARENT"));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var page = await manager.GetStringAsync("/children/Q-BABY/allocate");
        Assert.Contains("looked-after parent or child", page, StringComparison.Ordinal);

        var response = await PostAsync(manager, "/children/Q-BABY/allocate", ("Stamp", StampOf(page)), ("Officer", $"{OfficerId(app, AccessScenario.IroAda)}"), ("Date", "2026-11-27"));

        Assert.Contains("The IRO is the IRO of the child&#x27;s looked-after parent or child", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Allocations("Q-BABY"));
    }

    [Fact]
    public async Task An_iro_not_in_post_on_the_date_is_blocked()
    {
        await SeedChildAsync("Q-POST", new DateOnly(2026, 11, 20));
        var starter = await SeedOfficerAsync("Nia Newstart", "nia@test.example", new DateOnly(2027, 1, 4));
        var support = await app.ClientForAsync(AccessScenario.Support);
        var page = await support.GetStringAsync("/children/Q-POST/allocate");
        Assert.Contains("Not in post on the allocation date", page, StringComparison.Ordinal);

        var response = await PostAsync(support, "/children/Q-POST/allocate", ("Stamp", StampOf(page)), ("Officer", $"{starter}"), ("Date", "2026-11-27"));

        Assert.Contains("The IRO is not in post on the date the allocation starts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Allocations("Q-POST"));
    }

    [Fact]
    public async Task A_manager_refers_to_an_agency_whose_coordinator_sees_only_that_referral_and_allocates_an_agency_iro()
    {
        await SeedChildAsync("Q-AGENCY", new DateOnly(2026, 11, 20));
        await SeedChildAsync("Q-NOREF", new DateOnly(2026, 11, 20));
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var coordinator = await app.ClientForAsync(AccessScenario.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/children/Q-AGENCY")).StatusCode);

        var referred = await PostAsync(manager, "/allocations?handler=Refer", ("ChildId", "Q-AGENCY"), ("Agency-Q-AGENCY", AccessScenario.Northwind));
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);

        var queue = await coordinator.GetStringAsync("/allocations");
        Assert.Contains("(Q-AGENCY)", queue, StringComparison.Ordinal);
        Assert.Contains("(N1)", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("(Q-NOREF)", queue, StringComparison.Ordinal);
        var page = await coordinator.GetStringAsync("/children/Q-AGENCY/allocate");
        Assert.Contains("Cara Delaney", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Lovelace", page, StringComparison.Ordinal);

        var inHouse = await PostAsync(coordinator, "/children/Q-AGENCY/allocate", ("Stamp", StampOf(page)), ("Officer", $"{OfficerId(app, AccessScenario.IroAda)}"), ("Date", "2026-11-27"));
        Assert.Contains("Select an IRO from the list", await inHouse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Allocations("Q-AGENCY"));

        var cara = OfficerId(app, "cara@test.example");
        var saved = await PostAsync(coordinator, "/children/Q-AGENCY/allocate", ("Stamp", StampOf(page)), ("Officer", $"{cara}"), ("Date", "2026-11-27"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(cara, Assert.Single(Allocations("Q-AGENCY")).ReviewingOfficerId);
        var referral = Query(app, db => db.AgencyReferrals.AsNoTracking().Single(r => r.Child!.LocalId == "Q-AGENCY"));
        Assert.Equal(new DateOnly(2026, 11, 27), referral.ClosedOn);
        Assert.DoesNotContain("(Q-AGENCY)", await coordinator.GetStringAsync("/allocations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_referral_returns_to_the_council_and_the_coordinator_no_longer_sees_the_child()
    {
        await SeedChildAsync("Q-WITHDRAW", new DateOnly(2026, 11, 20));
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var coordinator = await app.ClientForAsync(AccessScenario.Coordinator);
        await PostAsync(manager, "/allocations?handler=Refer", ("ChildId", "Q-WITHDRAW"), ("Agency-Q-WITHDRAW", AccessScenario.Northwind));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/children/Q-WITHDRAW")).StatusCode);
        var referral = Query(app, db => db.AgencyReferrals.AsNoTracking().Single(r => r.Child!.LocalId == "Q-WITHDRAW"));

        var support = await app.ClientForAsync(AccessScenario.Support);
        AssertRefused(await PostAsync(support, "/allocations?handler=Withdraw", ("ReferralId", $"{referral.Id}"), ("Version", $"{referral.Version}")));
        Assert.False(Query(app, db => db.AgencyReferrals.AsNoTracking().Single(r => r.Id == referral.Id).Withdrawn));
        var withdrawn = await PostAsync(manager, "/allocations?handler=Withdraw", ("ReferralId", $"{referral.Id}"), ("Version", $"{referral.Version}"));

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.True(Query(app, db => db.AgencyReferrals.AsNoTracking().Single(r => r.Id == referral.Id).Withdrawn));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/children/Q-WITHDRAW")).StatusCode);
        Assert.Contains("(Q-WITHDRAW)", await manager.GetStringAsync("/allocations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_changes_page_lists_names_for_managers_counts_only_for_analysts_and_refuses_iros()
    {
        await SeedChildAsync("Q-CHANGE", new DateOnly(2026, 4, 10),
            (AccessScenario.IroAda, new DateOnly(2026, 4, 12)), (AccessScenario.IroBen, new DateOnly(2026, 6, 1)));
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        var iro = await app.ClientForAsync(AccessScenario.IroAda);

        var full = await manager.GetStringAsync("/allocations/changes?year=2026-27");
        var counts = await analyst.GetStringAsync("/allocations/changes?year=2026-27");

        Assert.Contains("/children/Q-CHANGE", full, StringComparison.Ordinal);
        Assert.Contains("id=\"changes-count\"", counts, StringComparison.Ordinal);
        Assert.Equal(Number(full, "changes-count"), Number(counts, "changes-count"));
        Assert.True(Number(full, "changes-count") >= 1);
        Assert.DoesNotContain("/children/", counts, StringComparison.Ordinal);
        AssertRefused(await iro.GetAsync("/allocations/changes"));
        AssertRefused(await iro.GetAsync("/allocations"));
    }

    /// <summary>Pages answer a refusal with the access-denied page.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.Equal((HttpStatusCode.Redirect, true), (response.StatusCode, response.Headers.Location?.OriginalString.Contains("/access-denied", StringComparison.Ordinal)));

    private static int Number(string html, string id) =>
        int.Parse(Regex.Match(html, $"id=\"{id}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string StampOf(string html) => StampPattern().Match(html).Groups[1].Value;

    private static string RowOf(string html, string childId)
    {
        var at = html.IndexOf($"({childId})", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{childId} is not in the queue");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private List<IroAllocation> Allocations(string childId) =>
        Query(app, db => db.IroAllocations.AsNoTracking().Where(a => a.Child!.LocalId == childId).OrderBy(a => a.From).ToList());

    private async Task<int> SeedOfficerAsync(string name, string email, DateOnly start)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>();
        var officer = new ReviewingOfficer { Name = name, Email = email, Employment = Employment.InHouse, Fte = 1, StartDate = start };
        db.ReviewingOfficers.Add(officer);
        await db.SaveChangesAsync();
        return officer.Id;
    }

    private async Task SeedChildAsync(string id, DateOnly lookedAfterFrom, params (string Iro, DateOnly From)[] allocations) =>
        await SeedChildAsync(id, lookedAfterFrom, null, allocations);

    private async Task SeedChildAsync(string id, DateOnly lookedAfterFrom, (string Iro, DateOnly From) allocation, string siblingGroup) =>
        await SeedChildAsync(id, lookedAfterFrom, siblingGroup, [allocation]);

    private async Task SeedChildAsync(string id, DateOnly lookedAfterFrom, string siblingGroup) =>
        await SeedChildAsync(id, lookedAfterFrom, siblingGroup, []);

    /// <summary>A child looked after from the date, with allocations in order (each closes when the next starts).</summary>
    private async Task SeedChildAsync(string id, DateOnly lookedAfterFrom, string? siblingGroup, (string Iro, DateOnly From)[] allocations)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>();
        var child = new Child
        {
            LocalId = id, FirstName = "Test", LastName = id, DateOfBirth = new DateOnly(2015, 3, 3), Sex = Sex.M, Ethnicity = Ethnicity.WBRI, SiblingGroup = siblingGroup,
        };
        child.Episodes.Add(new CareEpisode
        {
            Start = lookedAfterFrom, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1,
        });
        for (var i = 0; i < allocations.Length; i++)
        {
            var officer = await db.ReviewingOfficers.SingleAsync(o => o.Email == allocations[i].Iro);
            child.IroAllocations.Add(new IroAllocation { ReviewingOfficerId = officer.Id, From = allocations[i].From, To = i + 1 < allocations.Length ? allocations[i + 1].From : null });
        }

        db.Children.Add(child);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("name=\"Stamp\" value=\"([0-9A-F]*)\"")]
    private static partial Regex StampPattern();
}

public sealed class AllocationPagesSqliteTests(SqliteApp app) : AllocationPagesTests<SqliteApp>(app);

public sealed class AllocationPagesPostgresTests(PostgresApp app) : AllocationPagesTests<PostgresApp>(app);
