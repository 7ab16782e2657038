using System.Net;
using System.Text.RegularExpressions;
using Iro.Domain.Reviews;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Governance;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Governance;

/// <summary>
/// The audit reports for information governance: only administrators open them; a child's report has every
/// read of the child and every change to the child's entries and nothing about other children; a user's report
/// has only that user's entries; the dates bound the entries; the CSV download is itself audited.
/// </summary>
public abstract partial class AuditReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string Path = AuditReportModel.Path;

    [Theory]
    [InlineData(AccessScenario.Admin, true)]
    [InlineData(AccessScenario.Manager, false)]
    [InlineData(AccessScenario.Support, false)]
    [InlineData(AccessScenario.Analyst, false)]
    [InlineData(AccessScenario.IroAda, false)]
    [InlineData(AccessScenario.Coordinator, false)]
    public async Task Only_administrators_open_the_audit_reports_and_their_download(string user, bool allowed)
    {
        var client = await app.ClientForAsync(user);

        using var page = await client.GetAsync(Path + "?child=A1");
        using var csv = await client.GetAsync(Path + "?child=A1&handler=csv");

        Assert.All([page, csv], r => Assert.Equal(allowed ? "allowed" : "refused", AccessOutcome.Of(r)));
    }

    [Fact]
    public async Task A_childs_report_has_the_reads_and_changes_of_that_child_only()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var ben = await app.ClientForAsync(AccessScenario.IroBen);
        (await ada.GetAsync("/children/A1")).EnsureSuccessStatusCode();
        (await ben.GetAsync("/children/B1")).EnsureSuccessStatusCode();
        var noteA1 = await AddCaseNoteAsync("A1");
        var noteB1 = await AddCaseNoteAsync("B1");

        var lines = await LinesAsync(Path + "?child=A1");

        Assert.Contains(lines, l => l.Contains(AccessScenario.IroAda, StringComparison.Ordinal) && l.Contains("Opened the record", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Create: Case note {noteA1}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains($"Case note {noteB1}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(AccessScenario.IroBen, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains(">A1<", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_users_report_has_only_that_users_entries()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        (await ada.GetAsync("/children/AB1")).EnsureSuccessStatusCode();
        (await manager.GetAsync("/children/D1")).EnsureSuccessStatusCode();

        var lines = await LinesAsync(Path + "?user=" + Uri.EscapeDataString(AccessScenario.IroAda));

        Assert.Contains(lines, l => l.Contains(">AB1<", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains(AccessScenario.IroAda, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dates_bound_the_entries_in_uk_days()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        (await ada.GetAsync("/children/A1")).EnsureSuccessStatusCode();
        var today = IroAppFactory.Now;
        string Day(string name, DateTimeOffset d) => $"&{name}.Day={d.Day}&{name}.Month={d.Month}&{name}.Year={d.Year}";

        var includingToday = await LinesAsync(Path + "?child=A1" + Day("from", today) + Day("to", today));
        var fromTomorrow = await LinesAsync(Path + "?child=A1" + Day("from", today.AddDays(1)));
        var untilYesterday = await LinesAsync(Path + "?child=A1" + Day("to", today.AddDays(-1)));

        Assert.NotEmpty(includingToday);
        Assert.Empty(fromTomorrow);
        Assert.Empty(untilYesterday);
    }

    [Fact]
    public async Task Unknown_child_or_user_and_dates_the_wrong_way_round_are_shown_as_errors()
    {
        var admin = await app.ClientForAsync(AccessScenario.Admin);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(Path + "?child=NOPE&user=nobody%40test.example&from.Day=2&from.Month=1&from.Year=2026&to.Day=1&to.Month=1&to.Year=2026"));

        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("No child has that ID", html, StringComparison.Ordinal);
        Assert.Contains("No user has that email address", html, StringComparison.Ordinal);
        Assert.Contains("The to date must be the same as or after the from date", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"audit-entries\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_download_has_every_entry_and_is_itself_audited()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        (await ada.GetAsync("/children/A1")).EnsureSuccessStatusCode();
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var adminId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.Admin);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        using var response = await admin.GetAsync(Path + "?child=A1&handler=csv");
        response.EnsureSuccessStatusCode();
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("at,user_email,user_name,action,child_id,entity_type,entity_key,what", rows[0]);
        Assert.Contains(rows, r => r.Contains(AccessScenario.IroAda, StringComparison.Ordinal) && r.Contains(",Read,A1,Child,A1,", StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<IroDbContext>().AuditEntries.Where(e => e.Id > before && e.UserId == adminId).ToListAsync();
        Assert.Contains(written, e => e.EntityType == AuditReportModel.ReportEntity && e.EntityKey == "A1");
        Assert.Contains(written, e => e.EntityType == AuditLog.ChildEntity && e.EntityKey == "A1" && e.NewValues!.Contains("audit-child-A1", StringComparison.Ordinal));
    }

    /// <summary>The report's rows (every page), as HTML table rows.</summary>
    private async Task<List<string>> LinesAsync(string address)
    {
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var lines = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync(address + (page > 1 ? $"&p={page}" : "")));
            Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
            lines.AddRange(Row().Matches(html).Select(m => m.Value));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal)) return lines;
        }
    }

    private async Task<int> AddCaseNoteAsync(string child)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var note = new CaseNote { ChildId = await db.Children.Where(c => c.LocalId == child).Select(c => c.Id).SingleAsync(), Text = "Spoke to the carer." };
        db.CaseNotes.Add(note);
        await db.SaveChangesAsync();
        return note.Id;
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-action=.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}

public sealed class AuditReportSqliteTests(SqliteApp app) : AuditReportTests<SqliteApp>(app);

public sealed class AuditReportPostgresTests(PostgresApp app) : AuditReportTests<PostgresApp>(app);
