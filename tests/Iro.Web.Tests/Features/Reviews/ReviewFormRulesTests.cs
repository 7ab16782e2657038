using System.Globalization;
using System.Net;
using Iro.Domain.Reviews;
using Iro.Web.Tests.Infrastructure;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Reviews;

/// <summary>
/// The review and oversight forms against the child's history, today and the text limits. The scenario's
/// children came into care on 1 June 2024 and had a review on 27 June 2024; today is 27 November 2026.
/// </summary>
public abstract class ReviewFormRulesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task A_review_held_before_the_child_came_into_care_or_before_the_previous_review_is_refused()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var id = await BookAsync(manager, "D1", "2026-12-01");
        var chair = OfficerId(app, AccessScenario.IroAda);

        var beforeCare = await PostAsync(manager, $"/children/D1/reviews/{id}/record", RecordFields(chair, Review(app, id).Version, heldOn: "2024-05-01"));
        var html = await beforeCare.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, beforeCare.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("The child was not looked after on 1 May 2024", html, StringComparison.Ordinal);

        var beforePrevious = await PostAsync(manager, $"/children/D1/reviews/{id}/record", RecordFields(chair, Review(app, id).Version, heldOn: "2024-06-20"));
        Assert.Contains("after the previous review, held on 27 June 2024", await beforePrevious.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((ReviewStatus.Planned, new DateOnly(2026, 12, 1)), (Review(app, id).Status, Review(app, id).HeldOn));
    }

    [Fact]
    public async Task Bookings_and_postponements_in_the_past_or_beyond_the_horizon_are_refused()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var before = Query(app, db => db.Reviews.Count());
        foreach (var (date, message) in new[] { ("2026-11-22", "The date must be today or in the future"), ("2031-03-01", "The date must be within 12 months, on or before 27 November 2027") })
        {
            var refused = await PostAsync(manager, "/children/B1/reviews/plan", new Dictionary<string, string> { ["Date"] = date, ["Format"] = "Virtual" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, Query(app, db => db.Reviews.Count()));

        var id = await BookAsync(manager, "B1", "2026-12-15");
        foreach (var date in new[] { "2026-11-22", "2031-03-01" })
        {
            var refused = await PostAsync(manager, $"/children/B1/reviews/{id}/change", new Dictionary<string, string> { ["Kind"] = "Postpone", ["NewDate"] = date, ["Reason"] = "IRO ill" });
            Assert.Contains("govuk-error-summary", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(Review(app, id).ChangeRequests);
    }

    [Fact]
    public async Task A_postponement_whose_new_date_has_passed_is_not_approved()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var id = await BookAsync(manager, "B1", "2026-12-16");
        var (requestId, version) = Query(app, db =>
        {
            var request = new ReviewChangeRequest { ReviewId = id, Kind = ReviewChangeKind.Postpone, NewDate = new DateOnly(2026, 11, 22), Reason = "Asked last week", State = ApprovalState.Pending };
            db.ReviewChangeRequests.Add(request);
            db.SaveChanges();
            return (request.Id, request.Version);
        });

        var response = await PostAsync(manager, $"/children/B1/reviews/{id}?handler=Approve", new Dictionary<string, string> { ["requestId"] = Text(requestId), ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The new date, 22 November 2026, has passed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var review = Review(app, id);
        Assert.Equal((new DateOnly(2026, 12, 16), ApprovalState.Pending), (review.HeldOn, review.ChangeRequests.Single().State));
    }

    [Fact]
    public async Task A_booking_or_postponement_after_the_due_date_is_warned_about_but_not_refused()
    {
        // N1's review is overdue (due 27 September 2024), so any date now makes it late.
        var support = await app.ClientForAsync(AccessScenario.Support);
        var plan = await support.GetStringAsync("/children/N1/reviews/plan");
        Assert.DoesNotContain("id=\"late-warning\"", plan, StringComparison.Ordinal);

        var id = await BookAsync(support, "N1", "2026-12-17");
        var booked = await support.GetStringAsync($"/children/N1/reviews/{id}");
        Assert.Contains("id=\"late-warning\"", booked, StringComparison.Ordinal);
        Assert.Contains("after the review is due (27 September 2024)", booked, StringComparison.Ordinal);
        Assert.Contains("id=\"late-warning\"", await support.GetStringAsync($"/children/N1/reviews/plan/{id}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(support, $"/children/N1/reviews/{id}/change", new Dictionary<string, string>
        {
            ["Kind"] = "Postpone", ["NewDate"] = "2026-12-18", ["Reason"] = "Carer on holiday",
        })).StatusCode);
        var request = Review(app, id).ChangeRequests.Single();
        var approval = await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync($"/children/N1/reviews/{id}");
        Assert.Contains($"id=\"postpone-late-warning-{request.Id}\"", approval, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_use_the_govuk_date_input_and_show_only_the_app_s_own_messages()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var plan = await ada.GetStringAsync("/children/A1/reviews/plan");
        Assert.DoesNotContain("type=\"date\"", plan, StringComparison.Ordinal);
        foreach (var part in new[] { "Date.Day", "Date.Month", "Date.Year" })
            Assert.Contains($"name=\"{part}\"", plan, StringComparison.Ordinal);

        var response = await PostAsync(ada, "/children/A1/reviews/plan", new Dictionary<string, string>
        {
            ["Date.Day"] = "31", ["Date.Month"] = "2", ["Date.Year"] = "2027", ["StartsAt"] = "25:99", ["Format"] = "Virtual",
            ["ChildConsultationSentOn.Day"] = "3", ["ChildConsultationSentOn.Year"] = "2026",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Date of the review must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("Date the child&#x27;s form was sent must include a month", html, StringComparison.Ordinal);
        Assert.Contains("Enter the start time as hours and minutes", html, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_at_its_limit_with_windows_line_breaks_is_saved_whole_on_every_database()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await BookAsync(ada, "A1", "2026-12-22");
        var record = RecordFields(OfficerId(app, AccessScenario.IroAda), Review(app, id).Version, heldOn: NextHeldOn(app, "A1"));
        // 1,000 characters as a person counts them, sent with CR LF line breaks (1,100 characters on the wire).
        var line = new string('a', 9);
        record["Attendees"] = "  " + string.Join("\r\n", Enumerable.Repeat(line, 100)) + "  ";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, $"/children/A1/reviews/{id}/record", record)).StatusCode);

        var stored = Review(app, id).Attendees!;
        Assert.Equal(Iro.Domain.Reviews.ReviewTextLimits.Attendees - 1, stored.Length);
        Assert.DoesNotContain('\r', stored);
    }

    [Fact]
    public async Task Text_longer_than_its_limit_is_refused_with_a_govuk_message_and_nothing_is_saved()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var before = Query(app, db => db.Reviews.Count());
        var venue = await PostAsync(ada, "/children/A1/reviews/plan", new Dictionary<string, string>
        {
            ["Date"] = "2026-12-21", ["Format"] = "InPerson", ["Venue"] = new string('v', 5_000), ["OtherInvitees"] = new string('o', 20_000),
        });
        var html = await venue.Content.ReadAsStringAsync();
        Assert.Contains("Venue must be 200 characters or fewer", html, StringComparison.Ordinal);
        Assert.Contains("Others invited must be 500 characters or fewer", html, StringComparison.Ordinal);
        Assert.Equal(before, Query(app, db => db.Reviews.Count()));

        var id = await BookAsync(ada, "A1", "2026-12-21");
        var record = RecordFields(OfficerId(app, AccessScenario.IroAda), Review(app, id).Version, heldOn: NextHeldOn(app, "A1"));
        record["Attendees"] = new string('a', 20_000);
        Assert.Contains("Who attended must be 1,000 characters or fewer", await (await PostAsync(ada, $"/children/A1/reviews/{id}/record", record)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Planned, Review(app, id).Status);

        record["Attendees"] = "Amara, her carer";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, $"/children/A1/reviews/{id}/record", record)).StatusCode);
        var decision = await PostAsync(ada, $"/children/A1/reviews/{id}/decisions?handler=Add", new Dictionary<string, string>
        {
            ["What"] = new string('d', 30_000), ["PersonName"] = "Sam Carer", ["PersonRole"] = "Foster carer", ["DueBy"] = "2026-12-18",
        });
        Assert.Contains("What needs to happen must be 2,000 characters or fewer", await decision.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Review(app, id).Decisions);

        var note = await PostAsync(ada, "/children/A1/oversight?handler=Note", new Dictionary<string, string> { ["NoteText"] = new string('n', 10_001) });
        Assert.Contains("Case note must be 10,000 characters or fewer", await note.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_after_a_validation_error_saves_a_draft_and_does_not_issue_the_letter()
    {
        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        var id = await BookAsync(ben, "AB1", "2026-12-22");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ben, $"/children/AB1/reviews/{id}/record", RecordFields(OfficerId(app, AccessScenario.IroBen), Review(app, id).Version, heldOn: NextHeldOn(app, "AB1")))).StatusCode);
        var url = $"/children/AB1/reviews/{id}/letter";

        // The page shown after the failed issue posts from its address, which names the issue handler.
        var failed = await PostAsync(ben, url + "?handler=Issue", new Dictionary<string, string> { ["WorkingWell"] = "Settled", ["Version"] = Review(app, id).Version.ToString() });
        var html = await failed.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        var saveDraft = System.Text.RegularExpressions.Regex.Match(html, "<button[^>]*>Save draft</button>").Value;
        Assert.Contains("formaction=\"" + url + "?handler=Draft\"", saveDraft, StringComparison.Ordinal);

        var draft = await PostAsync(ben, url + "?handler=Draft", new Dictionary<string, string> { ["WorkingWell"] = "Settled", ["Version"] = Review(app, id).Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var review = Review(app, id);
        Assert.Equal(("Settled", null, null), (review.LetterWorkingWell, review.RecordIssuedOn, review.DecisionsSentOn));
    }

    [Fact]
    public async Task Deleting_a_decision_asks_for_confirmation_first()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await BookAsync(ada, "A1", "2026-12-23");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, $"/children/A1/reviews/{id}/record", RecordFields(OfficerId(app, AccessScenario.IroAda), Review(app, id).Version, heldOn: NextHeldOn(app, "A1")))).StatusCode);
        var url = $"/children/A1/reviews/{id}/decisions";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url + "?handler=Add", new Dictionary<string, string>
        {
            ["What"] = "Arrange a school visit", ["PersonName"] = "Jo Smith", ["PersonRole"] = "Social worker", ["DueBy"] = "2026-12-18",
        })).StatusCode);
        var decision = Review(app, id).Decisions.Single();

        // The list offers a link to a confirmation page, not a button that deletes.
        var list = await ada.GetStringAsync(url);
        Assert.DoesNotContain("handler=Delete", list, StringComparison.Ordinal);
        var confirmUrl = $"{url}?handler=ConfirmDelete&amp;decisionId={Text(decision.Id)}";
        Assert.Contains(confirmUrl, list, StringComparison.Ordinal);

        var confirm = await ada.GetStringAsync(WebUtility.HtmlDecode(confirmUrl));
        Assert.Contains("Are you sure you want to delete this decision?", confirm, StringComparison.Ordinal);
        Assert.Contains("Arrange a school visit", confirm, StringComparison.Ordinal);
        Assert.Contains("Yes, delete the decision", confirm, StringComparison.Ordinal);
        Assert.Single(Review(app, id).Decisions);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url + "?handler=Delete", new Dictionary<string, string>
        {
            ["decisionId"] = Text(decision.Id), ["version"] = decision.Version.ToString(),
        })).StatusCode);
        Assert.Empty(Review(app, id).Decisions);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

public sealed class ReviewFormRulesSqliteTests(SqliteApp app) : ReviewFormRulesTests<SqliteApp>(app);

public sealed class ReviewFormRulesPostgresTests(PostgresApp app) : ReviewFormRulesTests<PostgresApp>(app);
