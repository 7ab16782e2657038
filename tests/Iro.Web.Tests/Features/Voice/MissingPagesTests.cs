using System.Net;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>
/// Missing and away episodes: adding one by hand and recording its return home interview (bad input saves
/// nothing), and the service page's figures, with names only for those who open records.
/// </summary>
public abstract class MissingPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task An_iro_adds_an_episode_by_hand_and_records_an_interview_within_72_hours()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);

        var added = await PostAsync(ada, "/children/A1/missing/new", ("Type", "M"), ("Start", "2026-11-20"), ("End", "2026-11-21"), ("ReturnTime", "18:30"));

        Assert.Equal((HttpStatusCode.Redirect, "/children/A1/missing"), (added.StatusCode, added.Headers.Location?.OriginalString));
        var episode = Episode(app, "A1", new DateOnly(2026, 11, 20));
        Assert.Equal((MissingType.M, new DateOnly(2026, 11, 21), new TimeOnly(18, 30), true), (episode.Type!.Value, episode.End!.Value, episode.ReturnTime!.Value, episode.EnteredByHand));
        var url = $"/children/A1/missing/interview?episode={episode.Id}";
        var form = await ada.GetStringAsync(url);
        // Returned Saturday 21 November at 18:30: the 72 hours end on Tuesday 24 November at 18:30.
        Assert.Contains("24 November 2026 at 18:30", form, StringComparison.Ordinal);

        var saved = await PostAsync(ada, url, ("Stamp", Stamp(form)), ("OfferedOn", "2026-11-22"), ("OfferedTime", "10:00"),
            ("CompletedOn", "2026-11-24"), ("CompletedTime", "18:30"), ("By", "Jo Worker"), ("IroInformed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        episode = Episode(app, "A1", new DateOnly(2026, 11, 20));
        Assert.Equal(
            (new DateOnly(2026, 11, 22), new TimeOnly(10, 0), new DateOnly(2026, 11, 24), new TimeOnly(18, 30), "Jo Worker", false, true),
            (episode.InterviewOfferedOn!.Value, episode.InterviewOfferedTime!.Value, episode.InterviewCompletedOn!.Value, episode.InterviewCompletedTime!.Value,
                episode.InterviewBy, episode.InterviewDeclined!.Value, episode.IroInformed!.Value));
        var list = await ada.GetStringAsync("/children/A1/missing");
        Assert.Contains($"data-episode=\"{episode.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Within 72 hours", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_and_a_stale_form_show_the_problems_and_save_nothing()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var before = Query(app, db => db.MissingEpisodes.Count());

        var bad = await PostAsync(ada, "/children/A1/missing/new", ("Type", "X"), ("Start", "2026-11-10"), ("End", "2026-11-09"), ("ReturnTime", "25:99"));

        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select missing or away from placement", html, StringComparison.Ordinal);
        Assert.Contains("must be the same as or after the date the episode started", html, StringComparison.Ordinal);
        Assert.Contains("The time the child returned must be a time of day", html, StringComparison.Ordinal);
        Assert.Equal(before, Query(app, db => db.MissingEpisodes.Count()));

        var id = Seed(app, "A1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2));
        var url = $"/children/A1/missing/interview?episode={id}";
        var stamp = Stamp(await ada.GetStringAsync(url));
        var wrong = await PostAsync(ada, url, ("Stamp", stamp), ("CompletedOn", "2026-09-30"), ("Declined", "true"), ("By", ""));
        var problems = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("must be the same as or after the date the child returned", problems, StringComparison.Ordinal);
        Assert.Contains("An interview the child declined cannot also be completed", problems, StringComparison.Ordinal);
        Assert.Contains("Enter who carried out the interview", problems, StringComparison.Ordinal);

        Query(app, db => db.MissingEpisodes.Where(e => e.Id == id).ExecuteUpdate(s => s.SetProperty(e => e.InterviewBy, "Someone else")));
        var stale = await PostAsync(ada, url, ("Stamp", stamp), ("CompletedOn", "2026-10-03"), ("By", "Jo Worker"));
        Assert.Contains("Someone else changed this episode", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = Query(app, db => db.MissingEpisodes.AsNoTracking().Single(e => e.Id == id));
        Assert.Equal(((DateOnly?)null, "Someone else"), (stored.InterviewCompletedOn, stored.InterviewBy));
    }

    [Fact]
    public async Task Another_childs_episode_is_not_found()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var bens = Seed(app, "B1", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1));

        var response = await PostAsync(ada, $"/children/A1/missing/interview?episode={bens}", ("CompletedOn", "2026-09-02"), ("By", "Jo Worker"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Query(app, db => db.MissingEpisodes.AsNoTracking().Single(e => e.Id == bens)).InterviewCompletedOn);
    }

    [Fact]
    public async Task The_service_page_counts_a_period_and_names_children_only_for_those_who_open_records()
    {
        Seed(app, "B1", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2), completedOn: new DateOnly(2026, 6, 3));
        Seed(app, "N1", new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 10));
        Seed(app, "N1", new DateOnly(2026, 6, 20), null);
        const string june = "/missing?From.Day=1&From.Month=6&From.Year=2026&To.Day=30&To.Month=6&To.Year=2026";

        var manager = await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync(june);
        var analyst = await (await app.ClientForAsync(AccessScenario.Analyst)).GetStringAsync(june);
        var ben = await (await app.ClientForAsync(AccessScenario.IroBen)).GetStringAsync(june);

        // Two children, three episodes, two returns, one interview within 72 hours: 50.0%.
        foreach (var page in new[] { manager, analyst })
        {
            Assert.Contains("data-figure=\"children\">2<", page, StringComparison.Ordinal);
            Assert.Contains("data-figure=\"episodes\">3<", page, StringComparison.Ordinal);
            Assert.Contains("1 of 2 returns (50.0%)", page, StringComparison.Ordinal);
        }

        Assert.Contains("data-child=\"N1\"", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("Ivy Reid", analyst, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Osei", analyst, StringComparison.Ordinal);
        Assert.DoesNotContain("awaiting-interview", analyst, StringComparison.Ordinal);
        // An IRO counts and sees only the children they may see.
        Assert.Contains("1 of 1 returns (100.0%)", ben, StringComparison.Ordinal);
        Assert.DoesNotContain("Ivy Reid", ben, StringComparison.Ordinal);
    }

    private static MissingEpisode Episode(IroAppFactory app, string childId, DateOnly start) => Query(app, db =>
        db.MissingEpisodes.AsNoTracking().Single(e => e.Child!.LocalId == childId && e.Start == start));

    private static int Seed(IroAppFactory app, string childId, DateOnly start, DateOnly? end, DateOnly? completedOn = null) => Query(app, db =>
    {
        var episode = new MissingEpisode
        {
            ChildId = db.Children.Single(c => c.LocalId == childId).Id, Type = MissingType.M, Start = start, End = end, InterviewCompletedOn = completedOn,
            InterviewBy = completedOn is null ? null : "Jo Worker",
        };
        db.MissingEpisodes.Add(episode);
        db.SaveChanges();
        return episode.Id;
    });

    private static string Stamp(string form)
    {
        const string marker = "name=\"Stamp\" value=\"";
        var start = form.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return System.Net.WebUtility.HtmlDecode(form[start..form.IndexOf('"', start)]);
    }
}

public sealed class MissingPagesSqliteTests(SqliteApp app) : MissingPagesTests<SqliteApp>(app);

public sealed class MissingPagesPostgresTests(PostgresApp app) : MissingPagesTests<PostgresApp>(app);
