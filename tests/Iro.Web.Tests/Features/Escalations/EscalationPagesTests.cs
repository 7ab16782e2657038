using System.Globalization;
using System.Net;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Escalations;

/// <summary>
/// The child's escalation pages: raising, responding, taking it further, resolving and referring to Cafcass,
/// each refusing bad input and stale forms without saving, within the child's scope and the Escalate permission.
/// </summary>
public abstract class EscalationPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string StaleMessage = "Someone else changed this escalation";

    [Fact]
    public async Task An_iro_raises_an_escalation_with_its_first_stage_due_in_working_days_and_it_is_audited()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var form = await ada.GetStringAsync("/children/A1/escalations/new");
        Assert.Contains("name=\"Themes\" type=\"checkbox\" value=\"FamilyContact\"", form, StringComparison.Ordinal);

        var id = await RaiseAsync(ada, "A1");

        var escalation = Stored(app, id);
        Assert.Equal((OfficerId(app, AccessScenario.IroAda), new DateOnly(2026, 11, 27)), (escalation.RaisedByOfficerId, escalation.RaisedOn));
        Assert.Equal(["Health", "Sdq"], escalation.Themes.Select(t => t.Key).Order(StringComparer.Ordinal));
        var stage = Assert.Single(escalation.Stages);
        // Raised on Friday 27 November: five working days later is Friday 4 December.
        Assert.Equal(("TeamManager", "Tess Manager", "Team manager", new DateOnly(2026, 12, 4)), (stage.Level, stage.RecipientName, stage.RecipientRole, stage.ResponseDueOn));
        Assert.Single(AuditOf(app, nameof(Escalation), id), a => a.Action == "Create");
        Assert.Single(AuditOf(app, nameof(EscalationStage), stage.Id), a => a.Action == "Create");

        var page = await ada.GetStringAsync($"/children/A1/escalations/{id}");
        Assert.Contains("The SDQ has not been done", page, StringComparison.Ordinal);
        Assert.Contains("Due 4 Dec 2026", page, StringComparison.Ordinal);
        Assert.Contains("id=\"escalation-summary\"", await ada.GetStringAsync("/children/A1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iro_who_may_read_but_not_change_a_child_is_offered_no_escalation_action()
    {
        // AB1 was Ada's and is now Ben's: Ada still reads it but may not change it.
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var escalationId = ScenarioEscalationOf(app, "AB1");

        var list = await ada.GetStringAsync("/children/AB1/escalations");
        var shown = await ada.GetStringAsync($"/children/AB1/escalations/{escalationId}");
        var form = await ada.GetAsync("/children/AB1/escalations/new");
        var response = await ada.GetAsync($"/children/AB1/escalations/{escalationId}/response");

        Assert.DoesNotContain("/children/AB1/escalations/new", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/AB1/escalations/{escalationId}/response", shown, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/children/AB1/escalations"), (form.StatusCode, form.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, $"/children/AB1/escalations/{escalationId}"), (response.StatusCode, response.Headers.Location?.OriginalString));
        Assert.Contains("/children/A1/escalations/new", await ada.GetStringAsync("/children/A1/escalations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_with_bad_input_shows_the_problems_and_saves_nothing()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var before = Count(app);

        var response = await PostAsync(ada, "/children/A1/escalations/new",
            ("Concern", ""), ("ActionRequested", "Complete the SDQ"), ("Level", "Nowhere"), ("RecipientName", "Tess Manager"), ("RaisedOn", "2026-12-25"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the concern", html, StringComparison.Ordinal);
        Assert.Contains("Select at least one theme", html, StringComparison.Ordinal);
        Assert.Contains("Select a level from the list", html, StringComparison.Ordinal);
        Assert.Contains("The date raised must be today or in the past", html, StringComparison.Ordinal);
        Assert.Equal(before, Count(app));
    }

    [Fact]
    public async Task A_response_is_recorded_and_a_stale_form_is_refused_without_saving()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var id = await RaiseAsync(ada, "A1");
        var loaded = Version(app, id);
        var url = $"/children/A1/escalations/{id}";

        var missing = await PostAsync(ada, url + "/response", ("Version", loaded), ("RespondedOn", "2026-11-27"), ("Response", ""));
        Assert.Contains("Enter the response", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Stored(app, id).Stages[0].RespondedOn);

        var saved = await PostAsync(ada, url + "/response", ("Version", loaded), ("RespondedOn", "2026-11-27"), ("Response", "A worker will do the SDQ next week"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stage = Stored(app, id).Stages[0];
        Assert.Equal((new DateOnly(2026, 11, 27), "A worker will do the SDQ next week"), (stage.RespondedOn, stage.Response));
        Assert.Contains(AuditOf(app, nameof(EscalationStage), stage.Id), a => a.Action == "Update" && a.NewValues!.Contains("A worker will do the SDQ", StringComparison.Ordinal));
        Assert.NotEqual(loaded, Version(app, id));

        // The manager's form was loaded before the response was saved.
        var stale = await PostAsync(manager, url + "/resolve", ("Version", loaded), ("Outcome", "Resolved"), ("ResolvedOn", "2026-11-27"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(StaleMessage, await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(Stored(app, id).IsOpen);
    }

    [Fact]
    public async Task It_is_escalated_to_the_next_level_then_bypassed_and_never_taken_down()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await RaiseAsync(ada, "A1");
        var url = $"/children/A1/escalations/{id}/next";

        var down = await PostAsync(ada, url, ("Version", Version(app, id)), ("Level", "Informal"), ("RecipientName", "Sam Social"), ("RaisedOn", "2026-11-27"));
        Assert.Contains("Select a level above the current one", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(Stored(app, id).Stages);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url, ("Version", Version(app, id)), ("Level", "ServiceManager"), ("RecipientName", "Sol Service"), ("RaisedOn", "2026-11-27"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url, ("Version", Version(app, id)), ("Level", "Director"), ("RecipientName", "Dee Director"), ("RaisedOn", "2026-11-27"))).StatusCode);

        var stages = Stored(app, id).Stages;
        Assert.Equal(["TeamManager", "ServiceManager", "Director"], stages.Select(s => s.Level));
        Assert.Equal([StageNextStep.Escalated, StageNextStep.Bypassed, null], stages.Select(s => s.NextStep));
        Assert.Equal("Director of children's services", stages[2].RecipientRole);
        var page = await ada.GetStringAsync($"/children/A1/escalations/{id}");
        Assert.Contains("Escalated to Service manager", page, StringComparison.Ordinal);
        Assert.Contains("Bypassed to Director", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_is_resolved_with_an_outcome_and_can_be_referred_to_cafcass_once_closed()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await RaiseAsync(ada, "A1");
        var url = $"/children/A1/escalations/{id}";

        var noOutcome = await PostAsync(ada, url + "/resolve", ("Version", Version(app, id)), ("ResolvedOn", "2026-11-27"));
        Assert.Contains("Select the outcome", await noOutcome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(Stored(app, id).IsOpen);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url + "/resolve", ("Version", Version(app, id)), ("Outcome", "Compromise"), ("ResolvedOn", "2026-11-27"), ("ResolutionNote", "SDQ booked for January"))).StatusCode);
        var resolved = Stored(app, id);
        Assert.Equal((EscalationOutcome.Compromise, new DateOnly(2026, 11, 27), StageNextStep.Resolved), (resolved.Outcome!.Value, resolved.ResolvedOn!.Value, resolved.Stages[0].NextStep!.Value));

        var noReason = await PostAsync(ada, url + "/cafcass", ("Version", Version(app, id)), ("CafcassReferredOn", "2026-11-27"), ("CafcassReason", ""));
        Assert.Contains("Enter the reason for the referral", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Stored(app, id).CafcassReferredOn);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url + "/cafcass", ("Version", Version(app, id)), ("CafcassReferredOn", "2026-11-27"), ("CafcassReason", "The plan is still not carried out"))).StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 27), Stored(app, id).CafcassReferredOn);
        Assert.Equal(3, AuditOf(app, nameof(Escalation), id).Count);
        Assert.Contains("Referred on 27 November 2026", await ada.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EscalationForms.Forms), MemberType = typeof(EscalationForms))]
    public async Task Every_form_refuses_a_stale_version_another_childs_escalation_and_a_role_without_the_permission(string form, string[] fields)
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await RaiseAsync(ada, "A1");
        var before = Stored(app, id);
        var valid = Enumerable.Range(0, fields.Length / 2).Select(i => (fields[2 * i], fields[(2 * i) + 1])).ToList();
        (string, string)[] Posted(string version) => [("Version", version), .. valid];

        var stale = await PostAsync(ada, $"/children/A1/escalations/{id}/{form}", Posted(Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(StaleMessage, await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ben, $"/children/A1/escalations/{id}/{form}", Posted(before.Version.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ben, $"/children/B1/escalations/{id}/{form}", Posted(before.Version.ToString()))).StatusCode);

        var support = await app.ClientForAsync(AccessScenario.Support);
        var refused = await PostAsync(support, $"/children/A1/escalations/{id}/{form}", Posted(before.Version.ToString()));
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var after = Stored(app, id);
        Assert.Equal((before.Version, 1, (DateOnly?)null, (DateOnly?)null, (DateOnly?)null), (after.Version, after.Stages.Count, after.Stages[0].RespondedOn, after.ResolvedOn, after.CafcassReferredOn));

        // The same form with the current version is saved: the refusals above were not about the values.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, $"/children/A1/escalations/{id}/{form}", Posted(before.Version.ToString()))).StatusCode);
        Assert.NotEqual(before.Version, Stored(app, id).Version);
    }

    [Fact]
    public async Task An_escalation_of_a_child_out_of_scope_or_of_another_child_is_not_found_and_not_changed()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var bens = ScenarioEscalationOf(app, "B1");
        var version = Version(app, bens);
        foreach (var page in new[] { "", "/response", "/next", "/resolve", "/cafcass", "/notice", "/notice.docx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/children/B1/escalations/{bens}{page}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/children/A1/escalations/{bens}{page}")).StatusCode);
        }

        var viaOwnChild = await PostAsync(ada, $"/children/A1/escalations/{bens}/response", ("Version", version), ("RespondedOn", "2026-11-27"), ("Response", "Done"));
        Assert.Equal(HttpStatusCode.NotFound, viaOwnChild.StatusCode);
        var outOfScope = await PostAsync(ada, $"/children/B1/escalations/{bens}/resolve", ("Version", version), ("Outcome", "Withdrawn"), ("ResolvedOn", "2026-11-27"));
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ada, "/children/B1/escalations/new", ("Concern", "x"))).StatusCode);
        var stored = Stored(app, bens);
        Assert.True(stored.IsOpen);
        Assert.Null(stored.Stages[0].RespondedOn);
    }

    [Theory]
    [InlineData(AccessScenario.Support)]
    [InlineData(AccessScenario.Coordinator)]
    public async Task A_role_without_the_escalate_permission_may_read_but_not_change(string user)
    {
        var client = await app.ClientForAsync(user);
        var id = ScenarioEscalationOf(app, "B1");
        var before = Count(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/B1/escalations/{id}")).StatusCode);
        foreach (var page in new[] { "/children/B1/escalations/new", $"/children/B1/escalations/{id}/response", $"/children/B1/escalations/{id}/resolve" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var post = await PostAsync(client, $"/children/B1/escalations/{id}/resolve", ("Version", Version(app, id)), ("Outcome", "Withdrawn"), ("ResolvedOn", "2026-11-27"));
        Assert.Contains("/access-denied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var raise = await PostAsync(client, "/children/B1/escalations/new", ("Concern", "x"), ("ActionRequested", "y"), ("Themes", "Sdq"), ("Level", "TeamManager"), ("RecipientName", "T"), ("RaisedOn", "2026-11-27"));
        Assert.Contains("/access-denied", raise.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(Stored(app, id).IsOpen);
        Assert.Equal(before, Count(app));
        Assert.DoesNotContain("Raise an escalation", await client.GetStringAsync("/children/B1/escalations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_review_decision_offers_an_escalation_prefilled_from_it()
    {
        var reviewId = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "D1").Min(r => r.Id));
        var decisionId = Query(app, db =>
        {
            var decision = new ReviewDecision { ReviewId = reviewId, What = "Arrange a dental check-up", PersonName = "Sam Social", PersonRole = "Social worker", DueBy = new DateOnly(2026, 10, 1) };
            db.ReviewDecisions.Add(decision);
            db.SaveChanges();
            return decision.Id;
        });
        var manager = await app.ClientForAsync(AccessScenario.Manager);

        var review = await manager.GetStringAsync($"/children/D1/reviews/{reviewId}");
        Assert.Contains($"href=\"/children/D1/escalations/new?decision={decisionId}\"", review, StringComparison.Ordinal);

        var form = await manager.GetStringAsync($"/children/D1/escalations/new?decision={decisionId}");
        Assert.Contains("Arrange a dental check-up", form, StringComparison.Ordinal);
        Assert.Contains("was due by 1 October 2026", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"ReviewDecisionId\" value=\"{decisionId}\"", form, StringComparison.Ordinal);

        var prefilled = await manager.GetStringAsync("/children/D1/escalations/new?theme=placement&concern=Placement%20drift");
        Assert.Contains("value=\"Placement\" checked", prefilled, StringComparison.Ordinal);
        Assert.Contains("Placement drift", prefilled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_list_shows_overdue_escalations_before_those_still_due()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var fresh = await RaiseAsync(ada, "A1");
        var manager = await app.ClientForAsync(AccessScenario.Manager);

        var html = await manager.GetStringAsync("/escalations");

        Assert.Contains($"href=\"/children/A1/escalations/{fresh}\"", html, StringComparison.Ordinal);
        var clocks = System.Text.RegularExpressions.Regex.Matches(html, "data-clock=\"stage\"><span class=\"app-clock\">[^<]*<strong class=\"govuk-tag [^\"]+\">([^<]+)</strong>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Overdue", clocks);
        Assert.Contains("Due", clocks);
        Assert.True(clocks.IndexOf("Due") > clocks.LastIndexOf("Overdue"), string.Join(", ", clocks));
    }

    [Fact]
    public async Task The_notice_is_addressed_to_the_current_stage_and_is_a_valid_word_document_never_cached()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await RaiseAsync(ada, "A1", concern: "Contact with her brother has stopped");

        var response = await ada.GetAsync($"/children/A1/escalations/{id}/notice.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(LetterDocumentTests.ValidationErrors(bytes));
        var text = LetterDocumentTests.Text(bytes);
        foreach (var expected in new[] { "To: Tess Manager, Team manager", "Amara Khan, child ID A1", "Contact with her brother has stopped", "Complete the SDQ before the next review", "Please respond by 4 December 2026" })
            Assert.Contains(expected, text, StringComparison.Ordinal);

        var print = await ada.GetAsync($"/children/A1/escalations/{id}/notice");
        Assert.True(print.Headers.CacheControl?.NoStore);
        Assert.Contains("Please respond by 4 December 2026", await print.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class EscalationPagesSqliteTests(SqliteApp app) : EscalationPagesTests<SqliteApp>(app);

public sealed class EscalationPagesPostgresTests(PostgresApp app) : EscalationPagesTests<PostgresApp>(app);
