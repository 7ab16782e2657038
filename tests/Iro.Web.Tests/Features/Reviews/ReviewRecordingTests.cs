using System.Net;
using Iro.Domain.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Reviews;

public abstract class ReviewRecordingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task Booking_creates_a_planned_review_that_does_not_count_until_recorded()
    {
        // N1 is used by no other test here, so its due date is still the one after its 2024 review.
        var support = await app.ClientForAsync(AccessScenario.Support);
        var id = await BookAsync(support, "N1");
        var review = Review(app, id);
        Assert.Equal((ReviewStatus.Planned, new DateOnly(2026, 12, 2), MeetingFormat.Virtual), (review.Status, review.HeldOn, review.Format));
        Assert.Equal(new DateOnly(2024, 9, 27), review.DueOn);
        Assert.Equal(1, Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "N1").Held().Count()));
        var record = await support.GetStringAsync("/children/N1");
        Assert.DoesNotContain("2 Dec 2026", record, StringComparison.Ordinal);
        Assert.Contains("Booked", await support.GetStringAsync("/children/N1/reviews"), StringComparison.Ordinal);
        Assert.Single(AuditOf(app, nameof(Review), id), a => a.Action == "Create");
    }

    [Fact]
    public async Task Recording_checks_the_participation_code_against_age_and_saves_nothing_on_error()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await BookAsync(ada, "A1", "2026-12-03");
        var chair = OfficerId(app, AccessScenario.IroAda);
        var version = Review(app, id).Version;
        var heldOn = NextHeldOn(app, "A1");

        var refused = await PostAsync(ada, $"/children/A1/reviews/{id}/record", RecordFields(chair, version, "PN0", heldOn));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("PN0 is only for a child under 4 on the review date", html, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Planned, Review(app, id).Status);

        var saved = await PostAsync(ada, $"/children/A1/reviews/{id}/record", RecordFields(chair, version, heldOn: heldOn));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var review = Review(app, id);
        Assert.Equal((ReviewStatus.Held, DateOnly.Parse(heldOn, System.Globalization.CultureInfo.InvariantCulture), Iro.Domain.Codes.ParticipationCode.PN1, chair), (review.Status, review.HeldOn, review.Participation, review.ChairId!.Value));
        Assert.Equal(Iro.Domain.Timetable.ReasonForLateness.ChildUnavailable, review.LateReason);

        // Old and new values are kept in the audit trail, against the signed-in user.
        var update = AuditOf(app, nameof(Review), id).Last();
        Assert.Equal("Update", update.Action);
        Assert.Contains("\"Status\":\"Planned\"", update.OldValues, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Held\"", update.NewValues, StringComparison.Ordinal);
        Assert.Contains("\"Participation\":\"PN1\"", update.NewValues, StringComparison.Ordinal);
        var adaId = Query(app, db => db.Users.Single(u => u.Email == AccessScenario.IroAda).Id);
        Assert.Equal(adaId, update.UserId);
    }

    [Fact]
    public async Task A_late_review_needs_a_reason_for_lateness()
    {
        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        var id = await BookAsync(ben, "AB1", "2026-12-04");
        var fields = RecordFields(OfficerId(app, AccessScenario.IroBen), Review(app, id).Version);
        fields.Remove("LateReason");
        var response = await PostAsync(ben, $"/children/AB1/reviews/{id}/record", fields);
        Assert.Contains("Select the reason it was late", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Planned, Review(app, id).Status);
    }

    [Fact]
    public async Task Saving_from_a_stale_form_is_refused_and_overwrites_nothing()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var id = await BookAsync(ada, "A1", "2026-12-07");
        var chair = OfficerId(app, AccessScenario.IroAda);
        var loaded = Review(app, id).Version;
        var heldOn = NextHeldOn(app, "A1");

        var first = RecordFields(chair, loaded, heldOn: heldOn);
        first["Attendees"] = "First browser";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, $"/children/A1/reviews/{id}/record", first)).StatusCode);

        var second = RecordFields(chair, loaded, "PN7", heldOn);
        second["Attendees"] = "Second browser";
        var response = await PostAsync(manager, $"/children/A1/reviews/{id}/record", second);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this review", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = Review(app, id);
        Assert.Equal(("First browser", Iro.Domain.Codes.ParticipationCode.PN1), (stored.Attendees, stored.Participation!.Value));
        Assert.NotEqual(loaded, stored.Version);
    }

    [Fact]
    public async Task An_iro_cannot_read_or_write_a_review_of_a_child_not_allocated_to_them()
    {
        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        var id = await BookAsync(ben, "B1", "2026-12-08");
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        foreach (var path in new[] { "", "/record", "/decisions", "/letter", "/letter/print", "/change", "/adjourn" })
            Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/children/B1/reviews/{id}{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/children/A1/reviews/{id}")).StatusCode);

        var version = Review(app, id).Version;
        var post = await PostAsync(ada, $"/children/B1/reviews/{id}/record", RecordFields(OfficerId(app, AccessScenario.IroAda), version));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        // Nor through a child they can see.
        post = await PostAsync(ada, $"/children/A1/reviews/{id}/record", RecordFields(OfficerId(app, AccessScenario.IroAda), version));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ada, "/children/B1/reviews/plan", new Dictionary<string, string> { ["Date"] = "2026-12-09", ["Format"] = "Virtual" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ada, "/children/B1/oversight?handler=Note", new Dictionary<string, string> { ["NoteText"] = "x" })).StatusCode);
        Assert.Equal(ReviewStatus.Planned, Review(app, id).Status);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_a_managers_approval_and_the_audit_shows_both()
    {
        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        var id = await BookAsync(ben, "AB1", "2026-12-09");
        var url = $"/children/AB1/reviews/{id}";

        var noReason = await PostAsync(ben, url + "/change", new Dictionary<string, string> { ["Kind"] = "Cancel" });
        Assert.Contains("Enter the reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Review(app, id).ChangeRequests);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ben, url + "/change", new Dictionary<string, string> { ["Kind"] = "Cancel", ["Reason"] = "Child moved to another authority" })).StatusCode);
        var review = Review(app, id);
        Assert.Equal(ReviewStatus.Planned, review.Status);
        var request = Assert.Single(review.ChangeRequests);

        // The IRO cannot approve their own request.
        var selfApproval = await PostAsync(ben, url + "?handler=Approve", new Dictionary<string, string> { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = request.Version.ToString() });
        Assert.NotEqual(HttpStatusCode.OK, selfApproval.StatusCode);
        Assert.Contains("/access-denied", selfApproval.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Planned, Review(app, id).Status);

        var manager = await app.ClientForAsync(AccessScenario.Manager);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(manager, url + "?handler=Approve", new Dictionary<string, string> { ["requestId"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = request.Version.ToString() })).StatusCode);
        review = Review(app, id);
        Assert.Equal(ReviewStatus.Cancelled, review.Status);
        Assert.Equal(ApprovalState.Approved, review.ChangeRequests[0].State);

        var requestAudit = AuditOf(app, nameof(ReviewChangeRequest), request.Id);
        Assert.Equal(["Create", "Update"], requestAudit.Select(a => a.Action));
        Assert.Contains("Child moved to another authority", requestAudit[0].NewValues, StringComparison.Ordinal);
        Assert.Contains("\"State\":\"Approved\"", requestAudit[1].NewValues, StringComparison.Ordinal);
        Assert.NotEqual(requestAudit[0].UserId, requestAudit[1].UserId);
        Assert.Contains(AuditOf(app, nameof(Review), id), a => a.Action == "Update" && a.NewValues!.Contains("Cancelled", StringComparison.Ordinal));

        // Managers read the audit trail on the record; the IRO does not see it.
        Assert.Contains("Audit trail", await manager.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("Audit trail", await ben.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_is_adjourned_once_for_no_more_than_20_working_days()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await BookAsync(ada, "A1", "2026-12-10");
        var url = $"/children/A1/reviews/{id}/adjourn";
        Dictionary<string, string> Fields(string resumes) => new()
        {
            ["AdjournedOn"] = "2026-12-10", ["ResumesOn"] = resumes, ["Reason"] = "Care plan not available", ["Version"] = Review(app, id).Version.ToString(),
        };

        var tooLong = await PostAsync(ada, url, Fields("2027-01-30"));
        Assert.Contains("must resume within 20 working days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Review(app, id).AdjournedOn);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, url, Fields("2026-12-21"))).StatusCode);
        var review = Review(app, id);
        Assert.Equal((new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 21)), (review.AdjournedOn!.Value, review.HeldOn));

        var again = await PostAsync(ada, url, Fields("2026-12-22"));
        Assert.Contains("already been adjourned once", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 21), Review(app, id).HeldOn);
    }

    [Fact]
    public async Task Overdue_decisions_show_to_the_iro_for_their_children_and_to_managers_across_the_service()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var id = await BookAsync(ada, "A1", "2026-12-11");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, $"/children/A1/reviews/{id}/record", RecordFields(OfficerId(app, AccessScenario.IroAda), Review(app, id).Version, heldOn: NextHeldOn(app, "A1")))).StatusCode);
        var add = await PostAsync(ada, $"/children/A1/reviews/{id}/decisions?handler=Add", new Dictionary<string, string>
        {
            ["What"] = "Arrange a dental check-up for Amara", ["PersonName"] = "Sam Carer", ["PersonRole"] = "Foster carer", ["DueBy"] = "2026-11-25",
        });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var decision = Assert.Single(Review(app, id).Decisions);
        Assert.Equal((DecisionStatus.Open, "Sam Carer"), (decision.Status, decision.PersonName));
        Assert.False(string.IsNullOrEmpty(decision.CreatedByUserId));

        Assert.Contains("Arrange a dental check-up for Amara", await ada.GetStringAsync("/oversight"), StringComparison.Ordinal);
        Assert.Contains("Arrange a dental check-up for Amara", await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync("/oversight"), StringComparison.Ordinal);
        Assert.DoesNotContain("Arrange a dental check-up for Amara", await (await app.ClientForAsync(AccessScenario.IroBen)).GetStringAsync("/oversight"), StringComparison.Ordinal);

        // Done: no longer overdue; then deleted: hidden, kept, audited.
        var done = await PostAsync(ada, $"/children/A1/reviews/{id}/decisions?handler=Status", new Dictionary<string, string>
        {
            ["decisionId"] = decision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Done", ["version"] = decision.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal((DecisionStatus.Done, new DateOnly(2026, 11, 27)), (Review(app, id).Decisions[0].Status, Review(app, id).Decisions[0].StatusChangedOn!.Value));
        Assert.DoesNotContain("Arrange a dental check-up for Amara", await ada.GetStringAsync("/oversight"), StringComparison.Ordinal);

        var current = Review(app, id).Decisions[0].Version;
        var deleted = await PostAsync(ada, $"/children/A1/reviews/{id}/decisions?handler=Delete", new Dictionary<string, string>
        {
            ["decisionId"] = decision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = current.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(Review(app, id).Decisions);
        Assert.True(Query(app, db => db.ReviewDecisions.IgnoreQueryFilters().Single(d => d.Id == decision.Id).IsDeleted));
        Assert.Equal(["Create", "Update", "Delete"], AuditOf(app, nameof(ReviewDecision), decision.Id).Select(a => a.Action));
    }

    [Fact]
    public async Task The_letter_is_drafted_issued_and_downloaded_as_a_valid_word_document()
    {
        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        var id = await BookAsync(ben, "AB1", "2026-12-14");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ben, $"/children/AB1/reviews/{id}/record", RecordFields(OfficerId(app, AccessScenario.IroBen), Review(app, id).Version))).StatusCode);
        var url = $"/children/AB1/reviews/{id}/letter";

        var issueEmpty = await PostAsync(ben, url + "?handler=Issue", new Dictionary<string, string> { ["Version"] = Review(app, id).Version.ToString() });
        Assert.Contains("Write what&#x27;s working well before issuing the letter", await issueEmpty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Review(app, id).RecordIssuedOn);

        var issued = await PostAsync(ben, url + "?handler=Issue", new Dictionary<string, string>
        {
            ["WorkingWell"] = "You are settled with your carers.", ["Worries"] = "School attendance.", ["ChildsWords"] = "I like my room.",
            ["Scaling"] = "8", ["Version"] = Review(app, id).Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var review = Review(app, id);
        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27)), (review.RecordIssuedOn!.Value, review.DecisionsSentOn!.Value));
        var page = await ben.GetStringAsync(url);
        Assert.Contains("Issued 27 Nov 2026", page, StringComparison.Ordinal);
        // Held 20 November: decisions due 27 November (on time); the record by 18 December.
        Assert.Contains("Due 27 Nov 2026, done 27 Nov 2026", page, StringComparison.Ordinal);

        var print = await ben.GetStringAsync(url + "/print");
        Assert.Contains("Dear Zara,", print, StringComparison.Ordinal);
        Assert.Contains("What we are worried about", print, StringComparison.Ordinal);

        var docx = await ben.GetAsync(url + "/print?handler=Docx");
        Assert.Equal(Iro.Web.Features.Reviews.LetterDocument.ContentType, docx.Content.Headers.ContentType!.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Empty(LetterDocumentTests.ValidationErrors(bytes));
        Assert.Contains("You are settled with your carers.", LetterDocumentTests.Text(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Midway_reviews_and_case_notes_are_attributed_and_time_stamped()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, "/children/A1/oversight?handler=Midway", new Dictionary<string, string>
        {
            ["MidwayOn"] = "2026-11-26", ["Method"] = "Phone", ["WithWhom"] = "Social worker", ["Summary"] = "Plan on track",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, "/children/A1/oversight?handler=Note", new Dictionary<string, string>
        {
            ["NoteText"] = "Placement disruption meeting called", ["Significant"] = "true",
        })).StatusCode);
        var note = Query(app, db => db.CaseNotes.Single(n => n.Text == "Placement disruption meeting called"));
        Assert.True(note.SignificantEvent);
        Assert.Equal(IroAppFactory.Now, note.CreatedAt);
        Assert.Equal("ada", note.CreatedByName);
        var html = await ada.GetStringAsync("/children/A1/oversight");
        Assert.Contains("Significant event", html, StringComparison.Ordinal);
        Assert.Contains("Recorded by ada, 27 Nov 2026", html, StringComparison.Ordinal);

        var missing = await PostAsync(ada, "/children/A1/oversight?handler=Midway", new Dictionary<string, string>());
        Assert.Contains("Enter the date of the midway review", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class ReviewRecordingSqliteTests(SqliteApp app) : ReviewRecordingTests<SqliteApp>(app);

public sealed class ReviewRecordingPostgresTests(PostgresApp app) : ReviewRecordingTests<PostgresApp>(app);
