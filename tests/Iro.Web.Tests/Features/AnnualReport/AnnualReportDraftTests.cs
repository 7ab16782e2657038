using System.Net;
using System.Text.Json;
using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.AnnualReport;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>
/// A manager drafts the year's report and writes its narrative: saved only when every field is right, audited,
/// refused over someone else's change or once published; the checks on the narrative warn (children's names) or
/// block publishing (a number that is not the figure it names). Each test uses its own reporting year.
/// </summary>
public abstract class AnnualReportDraftTests(IroAppFactory app)
{
    [Fact]
    public async Task A_manager_creates_the_draft_writes_the_narrative_and_the_preview_shows_it_in_its_places()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        Assert.Contains("id=\"create-draft\"", await manager.GetStringAsync("/reports/annual?year=2019-20"), StringComparison.Ordinal);
        var created = await ReviewForms.PostAsync(manager, "/reports/annual/edit?handler=Create&year=2019-20", new Dictionary<string, string> { ["year"] = "2019-20" });
        Assert.Equal("/reports/annual/edit?year=2019-20", created.Headers.Location!.OriginalString);

        var saved = await SaveAsync(manager, "2019-20", new()
        {
            ["KeyMessages"] = "Children told us they want fewer changes of IRO.",
            ["CaseStudies"] = "A young person chaired her own review.",
            ["Priority1"] = "Every child sees their IRO before the review",
            ["Status1"] = "Amber",
            ["Progress1"] = "Most children did; visits were late in the summer.",
            ["NextYearPriorities"] = "Midway reviews for every child.",
        });
        Assert.Equal("/reports/annual/edit?year=2019-20&saved=true", saved.Headers.Location!.OriginalString);

        var preview = await manager.GetStringAsync(PreviewModel.Link(new ReportingYear(2019)));
        var keyMessages = preview.IndexOf("Children told us they want fewer changes of IRO.", StringComparison.Ordinal);
        var priority = preview.IndexOf("1. Every child sees their IRO before the review — Amber (partly achieved): Most children did; visits were late in the summer.", StringComparison.Ordinal);
        Assert.True(keyMessages > 0 && priority > keyMessages, "key messages first, priorities near the end");
        Assert.Contains("Midway reviews for every child.", preview, StringComparison.Ordinal);
        Assert.Contains(LayoutDefaultLegalContextStart, preview, StringComparison.Ordinal);

        var edition = await EditionAsync("2019-20");
        Assert.Equal([new ReportPriority("Every child sees their IRO before the review", RagStatus.Amber, "Most children did; visits were late in the summer.")],
            ReportPriorities.Read(edition.LastYearPriorities));
        var audited = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AnnualReportEdition) && a.EntityKey == edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audited, a => a.NewValues!.Contains("fewer changes of IRO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_priority_without_its_rating_or_progress_is_refused_and_nothing_is_saved()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        await ReviewForms.PostAsync(manager, "/reports/annual/edit?handler=Create&year=2018-19", new Dictionary<string, string> { ["year"] = "2018-19" });

        var response = await SaveAsync(manager, "2018-19", new()
        {
            ["KeyMessages"] = "Not to be saved.",
            ["Priority1"] = "Reduce drift",
            ["Progress2"] = "A note with no priority",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Select the progress on priority 1: red, amber or green", html, StringComparison.Ordinal);
        Assert.Contains("Enter a note of the progress on priority 1", html, StringComparison.Ordinal);
        Assert.Contains("Enter priority 2, or clear its progress", html, StringComparison.Ordinal);
        Assert.Null((await EditionAsync("2018-19")).KeyMessages);
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_is_refused_and_a_published_report_cannot_be_changed()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        await ReviewForms.PostAsync(manager, "/reports/annual/edit?handler=Create&year=2017-18", new Dictionary<string, string> { ["year"] = "2017-18" });
        var stale = await SaveAsync(manager, "2017-18", new() { ["KeyMessages"] = "Stale" }, Guid.NewGuid());
        Assert.Contains("Someone else changed this report", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await EditionAsync("2017-18")).KeyMessages);

        var publish = await ReviewForms.PostAsync(manager, "/reports/annual?handler=Publish&year=2017-18", new Dictionary<string, string> { ["year"] = "2017-18" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var afterPublishing = await SaveAsync(manager, "2017-18", new() { ["KeyMessages"] = "Too late" });
        Assert.Contains(EditModel.PublishedMessage, await afterPublishing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await EditionAsync("2017-18")).KeyMessages);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync("/reports/annual/edit?year=2017-18")).StatusCode);
    }

    [Fact]
    public async Task A_childs_name_in_the_case_studies_warns_the_manager_but_not_the_analyst_and_does_not_block_publishing()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        await ReviewForms.PostAsync(manager, "/reports/annual/edit?handler=Create&year=2016-17", new Dictionary<string, string> { ["year"] = "2016-17" });
        await SaveAsync(manager, "2016-17", new() { ["CaseStudies"] = "When Amara Khan moved, her IRO visited. Ben was happy." });

        var warning = "The case studies contain &quot;Amara Khan&quot;, the name of a child in the system";
        Assert.Contains(warning, await manager.GetStringAsync("/reports/annual/edit?year=2016-17"), StringComparison.Ordinal);
        Assert.Contains(warning, await manager.GetStringAsync("/reports/annual?year=2016-17"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Osei", await manager.GetStringAsync("/reports/annual?year=2016-17"), StringComparison.Ordinal);
        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        Assert.DoesNotContain("name-warnings", await analyst.GetStringAsync("/reports/annual?year=2016-17"), StringComparison.Ordinal);

        var publish = await ReviewForms.PostAsync(manager, "/reports/annual?handler=Publish&year=2016-17", new Dictionary<string, string> { ["year"] = "2016-17" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
    }

    [Fact]
    public async Task A_key_message_number_that_is_not_its_figure_blocks_publishing_until_it_is_corrected()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        await ReviewForms.PostAsync(manager, "/reports/annual/edit?handler=Create&year=2025-26", new Dictionary<string, string> { ["year"] = "2025-26" });
        var report = await FiguresAsync("2025-26");
        var iros = report.GetProperty("iros").GetProperty("atEnd").GetProperty("count").GetInt32();
        await SaveAsync(manager, "2025-26", new() { ["KeyMessages"] = $"The service had {iros + 7} IROs at the end of the year." });

        var blocked = await ReviewForms.PostAsync(manager, "/reports/annual?handler=Publish&year=2025-26", new Dictionary<string, string> { ["year"] = "2025-26" });
        var html = await blocked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains($"Key messages: &quot;{iros + 7}&quot; (IROs in post at 31 March): the text says {iros + 7} but the report&#x27;s figure is {iros}", html, StringComparison.Ordinal);
        Assert.False((await EditionAsync("2025-26")).IsPublished);

        await SaveAsync(manager, "2025-26", new() { ["KeyMessages"] = $"The service had {iros} IROs at the end of the year." });
        var published = await ReviewForms.PostAsync(manager, "/reports/annual?handler=Publish&year=2025-26", new Dictionary<string, string> { ["year"] = "2025-26" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.True((await EditionAsync("2025-26")).IsPublished);
    }

    [Theory]
    [InlineData(AccessScenario.Analyst)]
    [InlineData(AccessScenario.Support)]
    [InlineData(AccessScenario.IroAda)]
    public async Task Only_managers_may_write_or_preview_the_draft(string user)
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        await ReviewForms.PostAsync(manager, "/reports/annual/edit?handler=Create&year=2015-16", new Dictionary<string, string> { ["year"] = "2015-16" });
        var client = await app.ClientForAsync(user);
        foreach (var page in new[] { "/reports/annual/edit?year=2015-16", "/reports/annual/preview?year=2015-16" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var save = await ReviewForms.PostAsync(client, "/reports/annual/edit?year=2015-16", new Dictionary<string, string> { ["KeyMessages"] = "Not allowed", ["PriorityRows"] = "0" });
        Assert.StartsWith("/access-denied", save.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null((await EditionAsync("2015-16")).KeyMessages);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/reports/annual/preview?year=2015-16")).StatusCode);
    }

    private const string LayoutDefaultLegalContextStart = "Every child looked after by the council must have an Independent Reviewing Officer";

    /// <summary>Saves the narrative form as the page posts it: two priority rows, the current version unless one is given.</summary>
    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, string year, Dictionary<string, string> fields, Guid? version = null)
    {
        fields["Version"] = (version ?? (await EditionAsync(year)).Version).ToString();
        fields["PriorityRows"] = "2";
        return await ReviewForms.PostAsync(client, $"/reports/annual/edit?year={year}", fields);
    }

    private Task<AnnualReportEdition> EditionAsync(string year) =>
        WithDbAsync(db => db.AnnualReportEditions.AsNoTracking().SingleAsync(e => e.Year == year));

    private async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IroDbContext>());
    }

    private async Task<JsonElement> FiguresAsync(string year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(ReportingYear.TryParse(year, out var reportingYear));
        var figures = await scope.ServiceProvider.GetRequiredService<AnnualReportBook>().FiguresAsync(reportingYear, CancellationToken.None);
        return JsonDocument.Parse(figures.ToJsonString()).RootElement;
    }
}

public sealed class AnnualReportDraftSqliteTests(SqliteApp app) : AnnualReportDraftTests(app), IClassFixture<SqliteApp>;

public sealed class AnnualReportDraftPostgresTests(PostgresApp app) : AnnualReportDraftTests(app), IClassFixture<PostgresApp>;
