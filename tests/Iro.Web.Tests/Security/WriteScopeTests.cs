using System.Globalization;
using System.Net;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Who may change what: an IRO only the children allocated to them now (they keep reading past children); only
/// an entry's author, or a manager giving a reason that the audit keeps, may change or delete it; an agency
/// coordinator sees only the children the agency's IROs hold today.
/// </summary>
public abstract class WriteScopeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string WriteRefused = "You cannot change this child&#x27;s records";

    [Fact]
    public async Task An_iro_whose_allocation_ended_can_read_the_child_but_cannot_add_a_note_or_delete_a_managers_note()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var managersNote = await AddNoteAsync(manager, "AB1", "Manager's note on Zara's placement");
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var auditBefore = LastAuditId();

        var add = await PostAsync(ada, "/children/AB1/oversight?handler=Note", new Dictionary<string, string> { ["NoteText"] = "Written after the allocation ended" });
        var delete = await PostAsync(ada, "/children/AB1/oversight?handler=DeleteNote", new Dictionary<string, string>
        {
            ["noteId"] = Text(managersNote.Id), ["version"] = managersNote.Version.ToString(),
        });

        foreach (var refused in new[] { add, delete })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(WriteRefused, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(Query(app, db => db.CaseNotes.IgnoreQueryFilters().Any(n => n.Text == "Written after the allocation ended")));
        Assert.False(Query(app, db => db.CaseNotes.IgnoreQueryFilters().Single(n => n.Id == managersNote.Id).IsDeleted));
        Assert.Empty(Query(app, db => db.AuditEntries.Where(e => e.Id > auditBefore && e.Action != "Read").ToList()));

        // She still reads the child, her past work and the manager's note, but is offered nothing to change.
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/children/AB1")).StatusCode);
        var oversight = await ada.GetStringAsync("/children/AB1/oversight");
        Assert.Contains("Manager&#x27;s note on Zara&#x27;s placement", oversight, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a case note", oversight, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=DeleteNote", oversight, StringComparison.Ordinal);
        Assert.DoesNotContain("Book the next review", await ada.GetStringAsync("/children/AB1/reviews"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iro_cannot_delete_a_note_or_change_a_decision_someone_else_wrote()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var note = await AddNoteAsync(manager, "A1", "Manager's note for Amara's file");
        var reviewId = HeldReview("A1", new DateOnly(2026, 11, 2));
        var decision = await AddDecisionAsync(manager, "A1", reviewId, "Manager's decision: arrange contact");
        var ada = await app.ClientForAsync(AccessScenario.IroAda);

        var oversight = await ada.GetStringAsync("/children/A1/oversight");
        Assert.Contains("Add a case note", oversight, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"noteId\" value=\"{note.Id}\"", oversight, StringComparison.Ordinal);

        var delete = await PostAsync(ada, "/children/A1/oversight?handler=DeleteNote", new Dictionary<string, string>
        {
            ["noteId"] = Text(note.Id), ["version"] = note.Version.ToString(), [Authorship.ReasonField] = "Not mine, but tidying up",
        });
        var status = await PostAsync(ada, $"/children/A1/reviews/{reviewId}/decisions?handler=Status", new Dictionary<string, string>
        {
            ["decisionId"] = Text(decision.Id), ["status"] = "Done", ["version"] = decision.Version.ToString(),
        });
        var deleteDecision = await PostAsync(ada, $"/children/A1/reviews/{reviewId}/decisions?handler=Delete", new Dictionary<string, string>
        {
            ["decisionId"] = Text(decision.Id), ["version"] = decision.Version.ToString(),
        });

        foreach (var refused in new[] { delete, status, deleteDecision })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.False(Query(app, db => db.CaseNotes.IgnoreQueryFilters().Single(n => n.Id == note.Id).IsDeleted));
        var stored = Query(app, db => db.ReviewDecisions.IgnoreQueryFilters().Single(d => d.Id == decision.Id));
        Assert.Equal((DecisionStatus.Open, false), (stored.Status, stored.IsDeleted));
        Assert.Equal(["Create"], AuditOf(app, nameof(CaseNote), note.Id).Select(a => a.Action));
        Assert.Equal(["Create"], AuditOf(app, nameof(ReviewDecision), decision.Id).Select(a => a.Action));
    }

    [Fact]
    public async Task A_manager_changes_someone_elses_note_or_decision_only_with_a_reason_and_the_audit_keeps_it()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var note = await AddNoteAsync(ada, "A1", "Ada's note on family time");
        var reviewId = HeldReview("A1", new DateOnly(2026, 11, 3));
        var decision = await AddDecisionAsync(ada, "A1", reviewId, "Ada's decision: review the contact plan");
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        Assert.Contains($"id=\"reason-{note.Id}\"", await manager.GetStringAsync("/children/A1/oversight"), StringComparison.Ordinal);

        var noReason = await PostAsync(manager, "/children/A1/oversight?handler=DeleteNote", new Dictionary<string, string>
        {
            ["noteId"] = Text(note.Id), ["version"] = note.Version.ToString(),
        });
        var noReasonStatus = await PostAsync(manager, $"/children/A1/reviews/{reviewId}/decisions?handler=Status", new Dictionary<string, string>
        {
            ["decisionId"] = Text(decision.Id), ["status"] = "NoLongerNeeded", ["version"] = decision.Version.ToString(), [Authorship.ReasonField] = "  ",
        });
        foreach (var refused in new[] { noReason, noReasonStatus })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(Authorship.ReasonMissing, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(Query(app, db => db.CaseNotes.IgnoreQueryFilters().Single(n => n.Id == note.Id).IsDeleted));
        Assert.Equal(DecisionStatus.Open, Query(app, db => db.ReviewDecisions.Single(d => d.Id == decision.Id).Status));
        Assert.Equal(["Create"], AuditOf(app, nameof(CaseNote), note.Id).Select(a => a.Action));
        Assert.Equal(["Create"], AuditOf(app, nameof(ReviewDecision), decision.Id).Select(a => a.Action));

        var deleted = await PostAsync(manager, "/children/A1/oversight?handler=DeleteNote", new Dictionary<string, string>
        {
            ["noteId"] = Text(note.Id), ["version"] = note.Version.ToString(), [Authorship.ReasonField] = "Written on the wrong child's file",
        });
        var changed = await PostAsync(manager, $"/children/A1/reviews/{reviewId}/decisions?handler=Status", new Dictionary<string, string>
        {
            ["decisionId"] = Text(decision.Id), ["status"] = "NoLongerNeeded", ["version"] = decision.Version.ToString(),
            [Authorship.ReasonField] = "Superseded by the new care plan",
        });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(Query(app, db => db.CaseNotes.IgnoreQueryFilters().Single(n => n.Id == note.Id).IsDeleted));
        Assert.Equal(DecisionStatus.NoLongerNeeded, Query(app, db => db.ReviewDecisions.Single(d => d.Id == decision.Id).Status));
        var managerId = Query(app, db => db.Users.Single(u => u.Email == AccessScenario.Manager).Id);
        var noteDeletion = AuditOf(app, nameof(CaseNote), note.Id).Last();
        Assert.Equal(("Delete", managerId, "Written on the wrong child's file"), (noteDeletion.Action, noteDeletion.UserId, noteDeletion.Reason));
        var decisionChange = AuditOf(app, nameof(ReviewDecision), decision.Id).Last();
        Assert.Equal(("Update", managerId, "Superseded by the new care plan"), (decisionChange.Action, decisionChange.UserId, decisionChange.Reason));
        Assert.Contains("\"Status\":\"Open\"", decisionChange.OldValues, StringComparison.Ordinal);
        // The author's own changes need no reason and carry none.
        Assert.Null(AuditOf(app, nameof(CaseNote), note.Id).First().Reason);
    }

    [Fact]
    public async Task An_agency_coordinator_does_not_see_a_child_whose_allocation_to_an_agency_iro_ended()
    {
        var coordinator = await app.ClientForAsync(AccessScenario.Coordinator);

        // D1 was Cara's (Northwind) and is now Dev's (Southgate); B1 and AB1 are Ben's (Northwind) today.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/children/D1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/v1/children/D1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/children/B1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/children/AB1")).StatusCode);
        var list = await coordinator.GetStringAsync("/children?all=true");
        Assert.DoesNotContain("href=\"/children/D1\"", list, StringComparison.Ordinal);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private long LastAuditId() => Query(app, db => db.AuditEntries.Max(e => (long?)e.Id) ?? 0);

    private async Task<CaseNote> AddNoteAsync(HttpClient client, string childId, string text)
    {
        var response = await PostAsync(client, $"/children/{childId}/oversight?handler=Note", new Dictionary<string, string> { ["NoteText"] = text });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Query(app, db => db.CaseNotes.AsNoTracking().Single(n => n.Text == text));
    }

    private async Task<ReviewDecision> AddDecisionAsync(HttpClient client, string childId, int reviewId, string what)
    {
        var response = await PostAsync(client, $"/children/{childId}/reviews/{reviewId}/decisions?handler=Add", new Dictionary<string, string>
        {
            ["What"] = what, ["PersonName"] = "Sam Social", ["PersonRole"] = "Social worker", ["DueBy"] = "2026-12-18",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Query(app, db => db.ReviewDecisions.AsNoTracking().Single(d => d.What == what));
    }

    /// <summary>A held review of the child, chaired by Ada, ready for decisions.</summary>
    private int HeldReview(string childId, DateOnly heldOn) => Query(app, db =>
    {
        var review = new Review
        {
            ChildId = db.Children.Single(c => c.LocalId == childId).Id, HeldOn = heldOn, Status = ReviewStatus.Held,
            Participation = ParticipationCode.PN1, ChairId = db.ReviewingOfficers.Single(o => o.Email == AccessScenario.IroAda).Id,
        };
        db.Reviews.Add(review);
        db.SaveChanges();
        return review.Id;
    });
}

public sealed class WriteScopeSqliteTests(SqliteApp app) : WriteScopeTests<SqliteApp>(app);

public sealed class WriteScopePostgresTests(PostgresApp app) : WriteScopeTests<PostgresApp>(app);
