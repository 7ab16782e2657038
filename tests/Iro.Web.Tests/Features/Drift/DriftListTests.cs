using System.Net;
using System.Text.RegularExpressions;
using Iro.Domain.Children;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Drift;

/// <summary>
/// The drift list over the access scenario (today Friday 27 November 2026): every child's review has been
/// overdue since 27 September 2024; a missing episode of Ada's child A1 shows until its return home interview is recorded.
/// </summary>
public abstract partial class DriftListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private async Task<string> GetAsync(string user, string url) => await (await app.ClientForAsync(user)).GetStringAsync(url);

    private static IReadOnlyList<string> Children(string html) =>
        html.Contains("id=\"drift-table\"", StringComparison.Ordinal)
            ? [.. ChildLink().Matches(html.Split("id=\"drift-table\"")[1].Split("</table>")[0]).Select(m => m.Groups[1].Value).Distinct()]
            : [];

    [Fact]
    public async Task A_return_home_interview_not_done_shows_until_it_is_recorded()
    {
        int episodeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var a1 = await db.Children.SingleAsync(c => c.LocalId == "A1");
            // Back on Friday 13 November: the 72 hours ran to the end of Monday 16 November.
            var episode = new MissingEpisode { ChildId = a1.Id, Start = new DateOnly(2026, 11, 12), End = new DateOnly(2026, 11, 13), EnteredByHand = true };
            db.MissingEpisodes.Add(episode);
            await db.SaveChangesAsync();
            episodeId = episode.Id;
        }

        var before = await GetAsync(AccessScenario.Manager, "/drift?rule=return-interview");
        Assert.Equal(["A1"], Children(before));
        Assert.Contains("href=\"/children/A1/missing\"", before, StringComparison.Ordinal);
        Assert.Contains("16 Nov 2026", before, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"return-interview\"", await GetAsync(AccessScenario.IroAda, "/children/A1"), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var episode = await db.MissingEpisodes.SingleAsync(m => m.Id == episodeId);
            episode.InterviewCompletedOn = new DateOnly(2026, 11, 26);
            await db.SaveChangesAsync();
        }

        var after = await GetAsync(AccessScenario.Manager, "/drift?rule=return-interview");
        Assert.Empty(Children(after));
        Assert.Contains("id=\"drift-none\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rule=\"return-interview\"", await GetAsync(AccessScenario.IroAda, "/children/A1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_the_needs_assessment_and_pathway_plan_puts_right_the_leaving_care_item()
    {
        // Born 1 January 2010 and in care since 1 June 2024: eligible 29 August 2024, 16 on 1 January 2026, both due 1 April 2026.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var b1 = await db.Children.SingleAsync(c => c.LocalId == "B1");
            b1.DateOfBirth = new DateOnly(2010, 1, 1);
            await db.SaveChangesAsync();
        }

        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        var before = await ben.GetStringAsync("/drift?rule=leaving-care");
        Assert.Equal(["B1"], Children(before));
        Assert.Contains("due 1 Apr 2026", before, StringComparison.Ordinal);
        Assert.Contains("href=\"/children/B1/leaving-care\"", before, StringComparison.Ordinal);

        var refused = await Reviews.ReviewForms.PostAsync(ben, "/children/B1/leaving-care", new Dictionary<string, string> { ["NeedsAssessmentOn"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must be today or in the past", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["B1"], Children(await ben.GetStringAsync("/drift?rule=leaving-care")));

        var saved = await Reviews.ReviewForms.PostAsync(ben, "/children/B1/leaving-care", new Dictionary<string, string>
        {
            ["NeedsAssessmentOn"] = "2026-03-02", ["PathwayPlanOn"] = "2026-03-20",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(Children(await ben.GetStringAsync("/drift?rule=leaving-care")));
    }

    [Fact]
    public async Task An_iro_sees_only_the_children_they_review_now()
    {
        Assert.Equal(["A1"], Children(await GetAsync(AccessScenario.IroAda, "/drift")));
        Assert.Equal(["AB1", "B1"], Children(await GetAsync(AccessScenario.IroBen, "/drift")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_manager_sees_every_child_with_a_problem_and_can_filter_by_iro()
    {
        var all = await GetAsync(AccessScenario.Manager, "/drift?rule=review-overdue");
        Assert.Equal(AccessScenario.ChildIds.Order(StringComparer.Ordinal), Children(all).Order(StringComparer.Ordinal));
        Assert.Contains("Review overdue</strong>, due 27 Sep 2024", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/children/A1/escalations/new\"", all, StringComparison.Ordinal);

        int adaId;
        await using (var scope = app.Services.CreateAsyncScope())
            adaId = (await scope.ServiceProvider.GetRequiredService<IroDbContext>().ReviewingOfficers.SingleAsync(o => o.Name == "Ada Lovelace")).Id;
        Assert.Equal(["A1"], Children(await GetAsync(AccessScenario.Manager, $"/drift?iro={adaId}")));
    }

    [Theory]
    [InlineData(AccessScenario.Manager, HttpStatusCode.OK)]
    [InlineData(AccessScenario.Support, HttpStatusCode.OK)]
    [InlineData(AccessScenario.IroAda, HttpStatusCode.OK)]
    [InlineData(AccessScenario.Admin, HttpStatusCode.Redirect)]
    [InlineData(AccessScenario.Analyst, HttpStatusCode.Redirect)]
    [InlineData(AccessScenario.Coordinator, HttpStatusCode.Redirect)]
    public async Task The_drift_list_is_open_to_those_who_oversee_children(string user, HttpStatusCode expected)
    {
        var response = await (await app.ClientForAsync(user)).GetAsync("/drift");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var home = await GetAsync(user, "/");
        Assert.Equal(expected == HttpStatusCode.OK, home.Contains("href=\"/drift\"", StringComparison.Ordinal));
    }

    [GeneratedRegex("href=\"/children/([^\"/]+)\"")]
    private static partial Regex ChildLink();
}

public sealed class DriftListSqliteTests(SqliteApp app) : DriftListTests<SqliteApp>(app);

public sealed class DriftListPostgresTests(PostgresApp app) : DriftListTests<PostgresApp>(app);
