using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features;
using Iro.Web.Tests.Features;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Downloads of personal data: every list CSV is in the read audit, one entry per child in it, attributed to the
/// signed-in user and shown on the child's record; and every kind of download (CSV, Word, zip, JSON) says no-store.
/// </summary>
public abstract class DownloadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Fact]
    public async Task The_reviews_due_csv_adds_a_read_of_every_child_in_it_for_the_signed_in_user()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var csv = await manager.GetStringAsync("/reviews/due?handler=csv");

        var children = ChildIdsIn(csv);
        Assert.NotEmpty(children);
        var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
        var managerId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.Manager);
        Assert.All(reads, r => Assert.Equal(managerId, r.UserId));
        Assert.Equal(children.Order(StringComparer.Ordinal), reads.Select(r => r.EntityKey).Order(StringComparer.Ordinal));
        Assert.All(reads, r => Assert.Contains("reviews-due-2026-11-27.csv", r.NewValues, StringComparison.Ordinal));

        var record = System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync(ChildLinks.Record(children[0])));
        Assert.Contains("Downloaded reviews-due-2026-11-27.csv", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iro_downloading_the_oversight_list_is_recorded_only_against_their_own_children()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var csv = await ada.GetStringAsync("/oversight?handler=csv&list=records");

        var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
        Assert.Equal(ChildIdsIn(csv).Order(StringComparer.Ordinal), reads.Select(r => r.EntityKey).Order(StringComparer.Ordinal));
        Assert.All(reads, r => Assert.Contains(r.EntityKey, AccessScenario.Visible[AccessScenario.IroAda]));
    }

    [Fact]
    public async Task The_caseloads_csv_records_a_read_of_every_iro_in_it()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var csv = await manager.GetStringAsync("/iros?handler=csv");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var reads = await db.AuditEntries.Where(e => e.Id > before && e.Action == AuditLog.ReadAction && e.EntityType == "ReviewingOfficer").ToListAsync();
        Assert.Equal(csv.Trim().Split('\n').Length - 1, reads.Count);
    }

    [Theory]
    [InlineData("text/csv", "/reviews/due?handler=csv")]
    [InlineData("application/json", "/api/v1/children/A1/review-timetable")]
    [InlineData("wordprocessingml", "letter")]
    [InlineData("application/zip", "/ssda903?handler=Export&year=2025-26")]
    public async Task Every_kind_of_download_says_no_store(string kind, string address)
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        if (address == "letter")
        {
            await using var scope = app.Services.CreateAsyncScope();
            var review = await scope.ServiceProvider.GetRequiredService<IroDbContext>().Reviews
                .Where(r => r.Child!.LocalId == "A1" && r.Status == Iro.Domain.Reviews.ReviewStatus.Held).MaxAsync(r => r.Id);
            address = ChildLinks.Review("A1", review, "letter/print") + "?handler=Docx";
        }

        using var response = await manager.GetAsync(address);

        response.EnsureSuccessStatusCode();
        Assert.Contains(kind, response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{kind}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    /// <summary>The child_id column of a CSV download.</summary>
    private static List<string> ChildIdsIn(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var column = Array.IndexOf(lines[0], "child_id");
        return [.. lines.Skip(1).Select(l => l[column])];
    }
}

public sealed class DownloadSqliteTests(SqliteCrawlApp app) : DownloadTests<SqliteCrawlApp>(app);

public sealed class DownloadPostgresTests(PostgresCrawlApp app) : DownloadTests<PostgresCrawlApp>(app);
