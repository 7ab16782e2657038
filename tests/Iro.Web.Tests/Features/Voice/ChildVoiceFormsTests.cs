using System.Globalization;
using System.Net;
using Iro.Domain.Drift;
using Iro.Domain.Voice;
using Iro.Web.Features.Drift;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>
/// Survey campaigns, feedback entered from a review and connected-person approvals over the access scenario
/// (today Friday 27 November 2026; A1 is Ada's child).
/// </summary>
public abstract class ChildVoiceFormsTests(IroAppFactory app)
{
    private static readonly string[] ChildNames = ["Amara", "Khan", "Osei", "Zara", "Hussain", "Nowak", "Ivy Reid"];

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private int AddCampaign(string name, int asked, decimal target)
    {
        var campaign = new SurveyCampaign { Name = name, OpensOn = new DateOnly(2026, 11, 1), ClosesOn = new DateOnly(2026, 11, 30), ChildrenAsked = asked, TargetResponseRate = target };
        Query(app, db =>
        {
            db.SurveyCampaigns.Add(campaign);
            return db.SaveChanges();
        });
        return campaign.Id;
    }

    [Theory]
    [InlineData("/feedback/campaigns", AccessScenario.Manager, true)]
    [InlineData("/feedback/campaigns", AccessScenario.Support, true)]
    [InlineData("/feedback/campaigns", AccessScenario.Admin, true)]
    [InlineData("/feedback/campaigns", AccessScenario.Analyst, true)]
    [InlineData("/feedback/campaigns", AccessScenario.IroAda, false)]
    [InlineData("/feedback/campaigns", AccessScenario.Coordinator, false)]
    public async Task The_campaign_list_is_shown_to_those_who_run_surveys_or_see_the_figures(string path, string user, bool shown)
    {
        var client = await app.ClientForAsync(user);

        var response = await client.GetAsync(path);

        if (shown) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else Assert.StartsWith("/access-denied", Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_those_who_run_surveys_add_campaigns_or_enter_returns()
    {
        var id = AddCampaign("Analyst check", 10, 50m);
        var analyst = await app.ClientForAsync(AccessScenario.Analyst);

        var list = await analyst.GetStringAsync("/feedback/campaigns");
        var returns = await analyst.GetAsync($"/feedback/campaigns/return?id={id}");

        Assert.DoesNotContain("Add a campaign", list, StringComparison.Ordinal);
        Assert.StartsWith("/access-denied", Location(returns), StringComparison.Ordinal);
        foreach (var name in ChildNames) Assert.DoesNotContain(name, list, StringComparison.Ordinal);
        Assert.DoesNotContain("/children/", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_added_with_good_input_is_saved_and_listed()
    {
        var client = await app.ClientForAsync(AccessScenario.Support);

        var response = await PostAsync(client, "/feedback/campaigns",
            ("Name", "Bright Spots autumn"), ("OpensOn", "2026-10-01"), ("ClosesOn", "2026-12-15"), ("ChildrenAsked", "120"), ("TargetResponseRate", "60"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Query(app, db => db.SurveyCampaigns.AsNoTracking().Single(c => c.Name == "Bright Spots autumn"));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 15), 120, 60m), (stored.OpensOn, stored.ClosesOn, stored.ChildrenAsked, stored.TargetResponseRate));
    }

    [Fact]
    public async Task A_campaign_with_bad_input_shows_the_error_summary_and_saves_nothing()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var before = Query(app, db => db.SurveyCampaigns.Count());

        var response = await PostAsync(client, "/feedback/campaigns",
            ("Name", ""), ("OpensOn", "2026-10-01"), ("ClosesOn", "2026-09-01"), ("ChildrenAsked", "0"), ("TargetResponseRate", "120"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the campaign&#x27;s name", html, StringComparison.Ordinal);
        Assert.Contains("must be the same as or after the date it opens", html, StringComparison.Ordinal);
        Assert.Contains("Enter the number of children asked", html, StringComparison.Ordinal);
        Assert.Contains("Enter the target response rate", html, StringComparison.Ordinal);
        Assert.Equal(before, Query(app, db => db.SurveyCampaigns.Count()));
    }

    [Fact]
    public async Task Anonymous_returns_entered_on_a_campaign_give_its_response_rate()
    {
        var id = AddCampaign("Rate check", 3, 40m);
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var response = await PostAsync(client, $"/feedback/campaigns/return?id={id}",
            ("Id", Text(id)), ("ReceivedOn", "2026-11-20"), ("AgeGroup", "8-11"), ("LifeGettingBetter", "yes"), ("KnowsIro", "not sure"), ("CanContactIro", ""), ("FeelsListenedTo", "no"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Query(app, db => db.FeedbackReturns.AsNoTracking().Single(f => f.SurveyCampaignId == id));
        Assert.Equal((null, FeedbackAgeGroup.From8To11, FeedbackAnswer.Yes, FeedbackAnswer.NotSure, null, FeedbackAnswer.No),
            (stored.ChildId, stored.AgeGroup, stored.LifeGettingBetter, stored.KnowsIro, stored.CanContactIro, stored.FeelsListenedTo));
        // 1 response of 3 children asked: 33.3%, below the 40% target.
        var list = await (await app.ClientForAsync(AccessScenario.Analyst)).GetStringAsync("/feedback/campaigns");
        var row = list[list.IndexOf("Rate check", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(">1</td>", row, StringComparison.Ordinal);
        Assert.Contains(">3</td>", row, StringComparison.Ordinal);
        Assert.Contains("33.3%", row, StringComparison.Ordinal);
        Assert.Contains("Below target", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_campaign_return_shows_the_error_summary_and_saves_nothing()
    {
        var id = AddCampaign("Bad return check", 5, 50m);
        var client = await app.ClientForAsync(AccessScenario.Manager);

        var response = await PostAsync(client, $"/feedback/campaigns/return?id={id}",
            ("Id", Text(id)), ("ReceivedOn", "2026-12-25"), ("AgeGroup", "teen"), ("LifeGettingBetter", "maybe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("The date received must be today or in the past", html, StringComparison.Ordinal);
        Assert.Contains("Select the child&#x27;s age group", html, StringComparison.Ordinal);
        Assert.Contains("Select yes, no or not sure", html, StringComparison.Ordinal);
        Assert.Equal(0, Query(app, db => db.FeedbackReturns.Count(f => f.SurveyCampaignId == id)));
    }

    [Fact]
    public async Task Feedback_entered_from_a_review_is_linked_to_the_child_and_the_review_and_listed()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        var reviewId = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "A1").Select(r => r.Id).First());
        var review = await client.GetStringAsync($"/children/A1/reviews/{reviewId}");
        Assert.Contains($"href=\"/children/A1/feedback/new?reviewId={reviewId}\"", review, StringComparison.Ordinal);

        var response = await PostAsync(client, "/children/A1/feedback/new",
            ("ReviewId", Text(reviewId)), ("ReceivedOn", "2026-11-26"), ("AgeGroup", "11-18"), ("LifeGettingBetter", "yes"), ("KnowsIro", "yes"), ("CanContactIro", "no"), ("FeelsListenedTo", "yes"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/children/A1/feedback", Location(response));
        var stored = Query(app, db => db.FeedbackReturns.AsNoTracking().Single(f => f.ReviewId == reviewId));
        Assert.Equal((Query(app, db => db.Children.Single(c => c.LocalId == "A1").Id), new DateOnly(2026, 11, 26), FeedbackAnswer.No),
            (stored.ChildId!.Value, stored.ReceivedOn, stored.CanContactIro!.Value));
        var list = await client.GetStringAsync("/children/A1/feedback");
        Assert.Contains("26 Nov 2026", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_feedback_from_a_review_shows_the_error_summary_and_saves_nothing()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        var reviewId = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "A1").Select(r => r.Id).First());
        var before = Query(app, db => db.FeedbackReturns.Count());

        var response = await PostAsync(client, "/children/A1/feedback/new", ("ReviewId", Text(reviewId)), ("KnowsIro", "perhaps"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the date the return was received", html, StringComparison.Ordinal);
        Assert.Contains("Select yes, no or not sure", html, StringComparison.Ordinal);
        Assert.Equal(before, Query(app, db => db.FeedbackReturns.Count()));
    }

    [Fact]
    public async Task A_connected_person_approval_is_recorded_listed_and_changed()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);

        var response = await PostAsync(client, "/children/A1/connected-person",
            ("ApprovedOn", "2026-08-03"), ("ExtendedTo", "2026-12-14"), ("EndedOn", ""), ("CarerName", "Gran Reid"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Query(app, db => db.ConnectedPersonApprovals.AsNoTracking().Single(a => a.CarerName == "Gran Reid"));
        Assert.Equal((new DateOnly(2026, 8, 3), new DateOnly(2026, 12, 14), null), (stored.ApprovedOn, stored.ExtendedTo, stored.EndedOn));
        Assert.Contains("3 Aug 2026", await client.GetStringAsync("/children/A1/connected-person"), StringComparison.Ordinal);

        var stale = await PostAsync(client, $"/children/A1/connected-person/edit?id={stored.Id}",
            ("Id", Text(stored.Id)), ("Version", Guid.NewGuid().ToString()), ("ApprovedOn", "2026-08-03"), ("EndedOn", "2026-11-20"), ("CarerName", "Gran Reid"));
        Assert.Contains("Someone else changed this approval", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Query(app, db => db.ConnectedPersonApprovals.AsNoTracking().Single(a => a.Id == stored.Id)).EndedOn);

        var edited = await PostAsync(client, $"/children/A1/connected-person/edit?id={stored.Id}",
            ("Id", Text(stored.Id)), ("Version", stored.Version.ToString()), ("ApprovedOn", "2026-08-03"), ("ExtendedTo", "2026-12-14"), ("EndedOn", "2026-11-20"), ("CarerName", "Gran Reid"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 20), Query(app, db => db.ConnectedPersonApprovals.AsNoTracking().Single(a => a.Id == stored.Id)).EndedOn);
    }

    [Fact]
    public async Task A_bad_connected_person_approval_shows_the_error_summary_and_saves_nothing()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        var before = Query(app, db => db.ConnectedPersonApprovals.Count());

        // 3 August + 24 weeks is 18 January 2027: 1 February is too late.
        var response = await PostAsync(client, "/children/A1/connected-person",
            ("ApprovedOn", "2026-08-03"), ("ExtendedTo", "2027-02-01"), ("EndedOn", "2026-07-01"), ("CarerName", "Uncle Osei"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("no more than 24 weeks after the date of temporary approval", html, StringComparison.Ordinal);
        Assert.Contains("The date the approval ended must be the same as or after", html, StringComparison.Ordinal);
        Assert.Equal(before, Query(app, db => db.ConnectedPersonApprovals.Count()));
    }

    [Theory]
    [InlineData(DriftRuleKeys.PlacementMoves, "/children/A1/placement-moves")]
    [InlineData(DriftRuleKeys.SocialWorkers, "/children/A1/social-workers")]
    [InlineData(DriftRuleKeys.ConnectedPerson, "/children/A1/connected-person")]
    [InlineData(DriftRuleKeys.SecureWithoutAdvocacy, "/children/A1/advocacy")]
    [InlineData(DriftRuleKeys.IndependentVisitor, "/children/A1/independent-visitor")]
    [InlineData(DriftRuleKeys.ReturnInterview, "/children/A1/missing")]
    [InlineData(DriftRuleKeys.SdqMissing, "/children/A1")]
    public async Task Each_drift_item_links_to_a_page_that_exists(string rule, string expected)
    {
        var item = new DriftItem(rule, new DateOnly(2026, 11, 1), "detail", null);
        var link = DriftLinks.PutRight("A1", item);
        var client = await app.ClientForAsync(AccessScenario.IroAda);

        var response = await client.GetAsync(link);

        Assert.Equal(expected, link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ChildVoiceFormsSqliteTests(SqliteApp app) : ChildVoiceFormsTests(app), IClassFixture<SqliteApp>;
public sealed class ChildVoiceFormsPostgresTests(PostgresApp app) : ChildVoiceFormsTests(app), IClassFixture<PostgresApp>;
