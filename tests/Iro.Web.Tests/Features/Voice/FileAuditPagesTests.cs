using System.Net;
using Iro.Domain.Voice;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>File audits: one per child and review, every question answered or nothing saved; the share of "yes" per question.</summary>
public abstract class FileAuditPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task A_manager_audits_a_file_bad_input_saves_nothing_and_the_service_page_shows_the_share_of_yes()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var reviewId = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == "B1").Min(r => r.Id));
        var url = $"/children/B1/reviews/{reviewId}/audit";
        var form = await manager.GetStringAsync(url);
        foreach (var question in VoiceOptions.DefaultAuditQuestions) Assert.Contains($"name=\"Answer-{question.Key}\"", form, StringComparison.Ordinal);

        var incomplete = await PostAsync(manager, url, [("Version", Guid.Empty.ToString()), ("AuditedOn", "2026-11-27"), ("Answer-SeenAlone", "true")]);
        var html = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select yes or no: The child&#x27;s views are recorded", html, StringComparison.Ordinal);
        Assert.Equal(0, Query(app, db => db.FileAudits.Count(a => a.ReviewId == reviewId)));

        // Yes to the first two questions, no to the others.
        var answers = VoiceOptions.DefaultAuditQuestions.Select((q, i) => ($"Answer-{q.Key}", i < 2 ? "true" : "false"));
        var saved = await PostAsync(manager, url, [("Version", Guid.Empty.ToString()), ("AuditedOn", "2026-11-27"), .. answers]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var audit = Query(app, db => db.FileAudits.AsNoTracking().Include(a => a.Answers).Single(a => a.ReviewId == reviewId));
        Assert.Equal(VoiceOptions.DefaultAuditQuestions.Count, audit.Answers.Count);
        Assert.True(audit.Answers.Single(a => a.QuestionKey == "ViewsRecorded").Answer);
        Assert.False(audit.Answers.Single(a => a.QuestionKey == "MidwayReviewDone").Answer);

        // A second form opened before the first audit was saved is refused.
        var stale = await PostAsync(manager, url, [("Version", Guid.Empty.ToString()), ("AuditedOn", "2026-11-27"), .. answers.Select(a => (a.Item1, "true"))]);
        Assert.Contains("Someone else saved an audit of this file", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Query(app, db => db.FileAudits.AsNoTracking().Include(a => a.Answers).Single(a => a.ReviewId == reviewId)).Answers.Single(a => a.QuestionKey == "MidwayReviewDone").Answer);

        const string november = "/audits?From.Day=1&From.Month=11&From.Year=2026&To.Day=27&To.Month=11&To.Year=2026";
        foreach (var user in new[] { AccessScenario.Manager, AccessScenario.Analyst, AccessScenario.IroBen })
        {
            var page = await (await app.ClientForAsync(user)).GetStringAsync(november);
            var seenAlone = page[page.IndexOf("data-question=\"SeenAlone\"", StringComparison.Ordinal)..];
            Assert.Contains(">1</td>", seenAlone[..seenAlone.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
            Assert.Contains("100.0%", seenAlone[..seenAlone.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
            Assert.DoesNotContain("Ben Osei", page, StringComparison.Ordinal);
        }

        // Ada may not see B1: the audit is not counted for her.
        Assert.Contains("0 audits", await (await app.ClientForAsync(AccessScenario.IroAda)).GetStringAsync(november), StringComparison.Ordinal);
    }
}

public sealed class FileAuditPagesSqliteTests(SqliteApp app) : FileAuditPagesTests<SqliteApp>(app);

public sealed class FileAuditPagesPostgresTests(PostgresApp app) : FileAuditPagesTests<PostgresApp>(app);
