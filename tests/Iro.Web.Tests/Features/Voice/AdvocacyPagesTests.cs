using System.Net;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Voice;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>
/// The advocacy and independent visitor pages over the access scenario (today Friday 27 November 2026): A1 (Ada's)
/// and B1 (Ben's) have an open referral each; N1 is in secure accommodation from 20 November 2026 with none; A1
/// has waited for an independent visitor since 1 June 2026 (179 days, over 3 months), B1 since 1 November (26 days).
/// </summary>
public abstract class AdvocacyPagesTests(IroAppFactory app) : IAsyncLifetime
{
    private static readonly string[] ChildNames = ["Amara", "Khan", "Osei", "Zara", "Hussain", "Nowak", "Ivy Reid"];

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        if (await db.IndependentVisitors.AnyAsync()) return;
        var ids = await db.Children.ToDictionaryAsync(c => c.LocalId, c => c.Id);
        db.AdvocacyReferrals.AddRange(
            new AdvocacyReferral { ChildId = ids["A1"], ReferredOn = new DateOnly(2026, 10, 1), Source = AdvocacySource.Child, ReasonKeys = "Complaint", Provider = "Coram Voice" },
            new AdvocacyReferral { ChildId = ids["B1"], ReferredOn = new DateOnly(2026, 11, 2), Source = AdvocacySource.Carer, ReasonKeys = "FamilyContact" });
        db.IndependentVisitors.AddRange(
            new IndependentVisitor { ChildId = ids["A1"], NeededOn = new DateOnly(2026, 6, 1) },
            new IndependentVisitor { ChildId = ids["B1"], NeededOn = new DateOnly(2026, 11, 1) });
        db.CareEpisodes.Add(new CareEpisode
        {
            ChildId = ids["N1"], Start = new DateOnly(2026, 11, 20), ReasonForNewEpisode = ReasonForNewEpisode.P, LegalStatus = LegalStatus.C2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.K1,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";

    [Theory]
    [InlineData("/advocacy", AccessScenario.Manager, true)]
    [InlineData("/advocacy", AccessScenario.Support, true)]
    [InlineData("/advocacy", AccessScenario.IroAda, true)]
    [InlineData("/advocacy", AccessScenario.Admin, false)]
    [InlineData("/advocacy", AccessScenario.Analyst, false)]
    [InlineData("/advocacy", AccessScenario.Coordinator, false)]
    [InlineData("/independent-visitors", AccessScenario.Manager, true)]
    [InlineData("/independent-visitors", AccessScenario.IroBen, true)]
    [InlineData("/independent-visitors", AccessScenario.Analyst, false)]
    [InlineData("/independent-visitors", AccessScenario.Coordinator, false)]
    [InlineData("/voice", AccessScenario.Manager, true)]
    [InlineData("/voice", AccessScenario.Support, true)]
    [InlineData("/voice", AccessScenario.Admin, true)]
    [InlineData("/voice", AccessScenario.Analyst, true)]
    [InlineData("/voice", AccessScenario.IroAda, false)]
    [InlineData("/voice", AccessScenario.Coordinator, false)]
    public async Task Service_pages_are_shown_to_the_roles_that_work_with_them(string path, string user, bool shown)
    {
        var client = await app.ClientForAsync(user);

        var response = await client.GetAsync(path);

        if (shown) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else Assert.StartsWith("/access-denied", Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iro_sees_the_open_referrals_and_waiting_children_of_their_own_children_only()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);

        var advocacy = await client.GetStringAsync("/advocacy");
        var waiting = await client.GetStringAsync("/independent-visitors");

        Assert.Contains("href=\"/children/A1/advocacy\"", advocacy, StringComparison.Ordinal);
        Assert.DoesNotContain("/children/B1/", advocacy, StringComparison.Ordinal);
        Assert.DoesNotContain("/children/N1/", advocacy, StringComparison.Ordinal);
        Assert.Contains("href=\"/children/A1/independent-visitor\"", waiting, StringComparison.Ordinal);
        Assert.Contains(">179<", waiting, StringComparison.Ordinal);
        Assert.Contains("Over 3 months", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("/children/B1/", waiting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secure_accommodation_without_an_open_referral_is_flagged_on_the_service_list_and_the_record()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var list = await client.GetStringAsync("/advocacy");
        var record = await client.GetStringAsync("/children/N1");
        var other = await client.GetStringAsync("/children/A1");

        Assert.Contains("id=\"secure-without-advocacy\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/children/N1/advocacy/new\"", list, StringComparison.Ordinal);
        Assert.Contains("data-flag=\"secure-without-advocacy\"", record, StringComparison.Ordinal);
        Assert.DoesNotContain("data-flag=\"secure-without-advocacy\"", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_voice_summary_page_shows_figures_and_charts_and_names_no_child()
    {
        var client = await app.ClientForAsync(AccessScenario.Analyst);

        var html = await client.GetStringAsync("/voice?year=2026-27");

        Assert.Contains("The child's voice 2026-27", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"advocacy-by-reason\"", html, StringComparison.Ordinal);
        // Two children referred this year (A1 and B1).
        Assert.Contains("<dd class=\"govuk-summary-list__value\">2 (previous year 0)</dd>", html, StringComparison.Ordinal);
        foreach (var name in ChildNames) Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        foreach (var id in AccessScenario.ChildIds) Assert.DoesNotContain($"/children/{id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_made_from_a_review_is_linked_to_it_and_listed_on_the_child()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        var reviewId = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "A1").Select(r => r.Id).First());
        var form = await client.GetStringAsync($"/children/A1/advocacy/new?reviewId={reviewId}");
        Assert.Contains($"name=\"ReviewId\" value=\"{reviewId}\"", form, StringComparison.Ordinal);

        var response = await PostAsync(client, "/children/A1/advocacy/new",
            ("ReviewId", reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ReferredOn", "2026-11-27"), ("Source", "Iro"),
            ("Reasons", "PlacementChoice"), ("Reasons", "LeavingCare"), ("Provider", "NYAS"), ("Hours", "1.5"), ("Outcome", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/children/A1/advocacy", Location(response));
        var stored = Query(app, db => db.AdvocacyReferrals.AsNoTracking().Single(r => r.ReviewId == reviewId));
        Assert.Equal(("PlacementChoice;LeavingCare", AdvocacySource.Iro, 1.5m, "NYAS"), (stored.ReasonKeys, stored.Source, stored.Hours, stored.Provider));
        Assert.Equal("ada@test.example", Query(app, db => db.Users.Single(u => u.Id == stored.CreatedByUserId).Email));
        var list = await client.GetStringAsync("/children/A1/advocacy");
        Assert.Contains("Choice of placement, Leaving care", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_shows_the_error_summary_and_saves_nothing()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var before = Query(app, db => db.AdvocacyReferrals.Count());

        var response = await PostAsync(client, "/children/B1/advocacy/new",
            ("ReferredOn", "2026-11-27"), ("Reasons", "Gardening"), ("StartedOn", "2026-11-20"), ("Hours", "lots"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select who asked for the advocate", html, StringComparison.Ordinal);
        Assert.Contains("Select reasons from the list", html, StringComparison.Ordinal);
        Assert.Contains("The date advocacy started must be the same as or after the date referred", html, StringComparison.Ordinal);
        Assert.Contains("Hours must be a number", html, StringComparison.Ordinal);
        Assert.Equal(before, Query(app, db => db.AdvocacyReferrals.Count()));
    }

    [Fact]
    public async Task A_change_made_on_an_old_copy_of_the_referral_is_refused()
    {
        var client = await app.ClientForAsync(AccessScenario.IroBen);
        var referral = Query(app, db => db.AdvocacyReferrals.AsNoTracking().Single(r => r.Child!.LocalId == "B1" && r.ReviewId == null));
        var stale = Guid.NewGuid().ToString();

        var response = await PostAsync(client, "/children/B1/advocacy/edit",
            ("Id", referral.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Version", stale),
            ("ReferredOn", "2026-11-02"), ("Source", "Carer"), ("Reasons", "FamilyContact"), ("ClosedOn", "2026-11-27"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this referral", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Query(app, db => db.AdvocacyReferrals.AsNoTracking().Single(r => r.Id == referral.Id)).ClosedOn);
    }

    [Fact]
    public async Task Another_childs_referral_or_review_is_not_found()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var b1Referral = Query(app, db => db.AdvocacyReferrals.Where(r => r.Child!.LocalId == "B1").Select(r => r.Id).First());
        var b1Review = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "B1").Select(r => r.Id).First());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/A1/advocacy/edit?id={b1Referral}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/A1/advocacy/new?reviewId={b1Review}")).StatusCode);
    }

    [Fact]
    public async Task A_match_recorded_on_the_independent_visitor_page_ends_the_wait()
    {
        var client = await app.ClientForAsync(AccessScenario.IroBen);
        var need = Query(app, db => db.IndependentVisitors.AsNoTracking().Single(v => v.Child!.LocalId == "B1"));

        var response = await PostAsync(client, "/children/B1/independent-visitor",
            ("Id", need.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Version", need.Version.ToString()),
            ("NeededOn", "2026-11-01"), ("IdentifiedAtReviewId", ""), ("MatchedOn", "2026-11-26"), ("VisitorName", "Pat Visitor"), ("EndedOn", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Query(app, db => db.IndependentVisitors.AsNoTracking().Single(v => v.Id == need.Id));
        Assert.Equal((new DateOnly(2026, 11, 26), "Pat Visitor"), (stored.MatchedOn, stored.VisitorName));
        Assert.DoesNotContain("/children/B1/", await client.GetStringAsync("/independent-visitors"), StringComparison.Ordinal);
    }
}

public sealed class AdvocacyPagesSqliteTests(SqliteApp app) : AdvocacyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AdvocacyPagesPostgresTests(PostgresApp app) : AdvocacyPagesTests(app), IClassFixture<PostgresApp>;
