using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Features.Governance;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Governance;

/// <summary>
/// The subject access export (page and command line) holds every section of the child's record with the right
/// counts, nothing of another child, valid Word documents and the audit, the export included; and the retention
/// page lists the children whose 75th birthday has come. Both only for administrators.
/// </summary>
public abstract class SubjectAccessAndRetentionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : GovernanceApp
{
    /// <summary>A1's record: one of each kind (the scenario's episode, allocation, held review and escalation, and the fixture's entries).</summary>
    private static readonly Dictionary<string, int> ExpectedCounts = new()
    {
        ["episodes"] = 1, ["legalStatuses"] = 1, ["placements"] = 1, ["reviews"] = 1, ["decisions"] = 1, ["reviewChangeRequests"] = 0,
        ["notes"] = 1, ["midwayReviews"] = 1, ["escalations"] = 1, ["escalationStages"] = 1, ["advocacy"] = 1, ["independentVisitors"] = 1,
        ["missingEpisodes"] = 1, ["feedback"] = 1, ["placementMoves"] = 1, ["connectedPersonApprovals"] = 1, ["fileAudits"] = 0,
        ["allocations"] = 1, ["socialWorkers"] = 1, ["agencyReferrals"] = 0, ["healthOutcomes"] = 0,
        // The record of the held review, the escalation notice and the "My IRO" letter (Ada is allocated today).
        ["letters"] = 3,
    };

    [Theory]
    [InlineData(AccessScenario.Admin, true)]
    [InlineData(AccessScenario.Manager, false)]
    [InlineData(AccessScenario.Support, false)]
    [InlineData(AccessScenario.Analyst, false)]
    [InlineData(AccessScenario.IroAda, false)]
    [InlineData(AccessScenario.Coordinator, false)]
    public async Task Only_administrators_export_records_and_see_those_past_retention(string user, bool allowed)
    {
        var client = await app.ClientForAsync(user);

        using var find = await client.GetAsync(SubjectAccessModel.Path + "?child=A1");
        using var zip = await client.GetAsync(SubjectAccessModel.Path + "?child=A1&handler=zip");
        using var retention = await client.GetAsync(RetentionModel.Path);

        Assert.All([find, zip, retention], r => Assert.Equal(allowed ? "allowed" : "refused", AccessOutcome.Of(r)));
    }

    [Fact]
    public async Task The_zip_holds_every_section_of_the_childs_record_and_nothing_of_another_child()
    {
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var a1 = await ChildKeyAsync("A1");

        using var response = await admin.GetAsync(SubjectAccessModel.Path + "?child=A1&handler=zip");
        response.EnsureSuccessStatusCode();
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());

        using var record = JsonDocument.Parse(files[SubjectAccessExport.RecordFile]);
        var sections = record.RootElement.GetProperty("sections");
        foreach (var (section, count) in ExpectedCounts)
        {
            Assert.True(sections.TryGetProperty(section, out var items), $"No section {section}");
            Assert.True(count == items.GetArrayLength(), $"{section}: {items.GetArrayLength()}, expected {count}");
            Assert.Equal(count, record.RootElement.GetProperty("counts").GetProperty(section).GetInt32());
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("ChildId", out var childId)) Assert.Equal(a1, childId.GetInt32());
            }
        }

        Assert.Equal("A1", record.RootElement.GetProperty("child").GetProperty("LocalId").GetString());
        var text = string.Join("\n", files.Values.Select(Encoding.UTF8.GetString));
        Assert.DoesNotContain(GovernanceApp.OtherChildsNote, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bea Other", text, StringComparison.Ordinal);
        var documents = files.Where(f => f.Key.StartsWith(SubjectAccessExport.DocumentsFolder, StringComparison.Ordinal)).ToList();
        Assert.Equal(ExpectedCounts["letters"], documents.Count);
        Assert.All(documents, d => Assert.Empty(LetterDocumentTests.ValidationErrors(d.Value)));
        Assert.All(documents, d => Assert.Contains("Amara", LetterDocumentTests.Text(d.Value), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_export_is_audited_and_its_audit_file_lists_who_accessed_the_record()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        (await ada.GetAsync("/children/A1")).EnsureSuccessStatusCode();
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var adminId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.Admin);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        using var response = await admin.GetAsync(SubjectAccessModel.Path + "?child=A1&handler=zip");
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());

        var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
        var export = Assert.Single(reads, r => r.UserId == adminId);
        Assert.Equal("A1", export.EntityKey);
        using var audit = JsonDocument.Parse(files[SubjectAccessExport.AuditFile]);
        var lines = audit.RootElement.EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("UserEmail").GetString() == AccessScenario.IroAda && l.GetProperty("What").GetString() == "Opened the record");
        Assert.Contains(lines, l => l.GetProperty("UserEmail").GetString() == AccessScenario.Admin
            && l.GetProperty("What").GetString()!.StartsWith("Exported the whole record", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal("A1", l.GetProperty("ChildId").GetString()));
    }

    [Fact]
    public async Task The_command_writes_the_same_sections_to_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("iro-sar-");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await IroCommandLine.RunAsync(["children", "export", "--child", "A1", "--out", folder.FullName], output, error, app.Database.Settings);

            Assert.True(exit == 0, error.ToString());
            using var record = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder.FullName, SubjectAccessExport.RecordFile)));
            var counts = record.RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.Equal(ExpectedCounts.OrderBy(c => c.Key), counts.OrderBy(c => c.Key));
            Assert.True(File.Exists(Path.Combine(folder.FullName, SubjectAccessExport.AuditFile)));
            Assert.Equal(ExpectedCounts["letters"], Directory.GetFiles(Path.Combine(folder.FullName, "documents"), "*.docx").Length);
            var unknown = await IroCommandLine.RunAsync(["children", "export", "--child", "NOPE", "--out", folder.FullName], output, error, app.Database.Settings);
            Assert.Equal(1, unknown);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_retention_page_lists_children_from_their_75th_birthday()
    {
        var admin = await app.ClientForAsync(AccessScenario.Admin);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(RetentionModel.Path));

        Assert.Contains($"data-child=\"{GovernanceApp.PastRetention}\"", html, StringComparison.Ordinal);
        Assert.Contains("27 Nov 2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-child=\"{GovernanceApp.NotYetPastRetention}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-child=\"A1\"", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private async Task<int> ChildKeyAsync(string localId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Children.Where(c => c.LocalId == localId).Select(c => c.Id).SingleAsync();
    }
}

public sealed class SubjectAccessAndRetentionSqliteTests(SqliteGovernanceApp app) : SubjectAccessAndRetentionTests<SqliteGovernanceApp>(app);

public sealed class SubjectAccessAndRetentionPostgresTests(PostgresGovernanceApp app) : SubjectAccessAndRetentionTests<PostgresGovernanceApp>(app);
