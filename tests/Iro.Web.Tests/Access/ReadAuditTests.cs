using System.Globalization;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Access;

/// <summary>
/// Every child-level page, download and API route opened by a user is in "who has opened this record", not only
/// the record itself: a letter, the case notes, a review and the Word download each leave a read with the
/// signed-in user and the address, and the record says in words what was opened.
/// </summary>
public abstract class ReadAuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string Child = "A1";

    [Fact]
    public async Task Opening_a_letter_the_case_notes_a_review_and_a_download_each_adds_a_read_with_the_signed_in_user()
    {
        var review = await ReviewOfAsync(Child);
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var adaId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.IroAda);
        string[] opened =
        [
            ChildLinks.Review(Child, review, "letter"),
            ChildLinks.Oversight(Child),
            ChildLinks.Review(Child, review),
            ChildLinks.Review(Child, review, "letter/print") + "?handler=Docx",
        ];

        foreach (var address in opened)
        {
            var before = await AuditQueries.LastAuditIdAsync(app.Services);
            using var response = await ada.GetAsync(address);
            response.EnsureSuccessStatusCode();

            var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
            var read = Assert.Single(reads);
            Assert.Equal((adaId, Child), (read.UserId, read.EntityKey));
            Assert.Contains(address, read.NewValues, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reads_arriving_together_each_leave_their_own_entry_before_the_answer()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var adaId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.IroAda);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);
        var addresses = Enumerable.Range(0, 24).Select(i => ChildLinks.ReviewTimetableApi(Child) + "?n=" + i.ToString(CultureInfo.InvariantCulture)).ToList();

        var answers = await Task.WhenAll(addresses.Select(address => ada.GetAsync(address)));
        foreach (var answer in answers) using (answer) answer.EnsureSuccessStatusCode();

        // Every answer is out, so every entry is committed: one per request, each with its own address.
        var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
        Assert.Equal(addresses.Count, reads.Count);
        Assert.All(reads, r => Assert.Equal((adaId, Child), (r.UserId, r.EntityKey)));
        foreach (var address in addresses) Assert.Single(reads, r => r.NewValues!.Contains(address + "\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_has_opened_this_record_says_what_each_user_opened()
    {
        var review = await ReviewOfAsync(Child);
        var number = review.ToString(CultureInfo.InvariantCulture);
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        (await ada.GetAsync(ChildLinks.Review(Child, review, "letter"))).EnsureSuccessStatusCode();
        (await ada.GetAsync(ChildLinks.Oversight(Child))).EnsureSuccessStatusCode();
        (await ada.GetAsync(ChildLinks.Review(Child, review))).EnsureSuccessStatusCode();
        (await ada.GetAsync(ChildLinks.Review(Child, review, "letter/print") + "?handler=Docx")).EnsureSuccessStatusCode();
        (await ada.GetAsync(ChildLinks.ReviewTimetableApi(Child))).EnsureSuccessStatusCode();

        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var html = System.Net.WebUtility.HtmlDecode(await manager.GetStringAsync(ChildLinks.Record(Child)));

        var section = html[html.IndexOf("id=\"record-access\"", StringComparison.Ordinal)..];
        Assert.Contains(AccessScenario.IroAda, section, StringComparison.Ordinal);
        Assert.Contains($"Opened the letter of review {number}", section, StringComparison.Ordinal);
        Assert.Contains("Opened the oversight (midway reviews and case notes)", section, StringComparison.Ordinal);
        Assert.Contains($"Opened review {number}", section, StringComparison.Ordinal);
        Assert.Contains($"Downloaded the letter of review {number} (Word)", section, StringComparison.Ordinal);
        Assert.Contains("Read the review timetable (API)", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Older_reads_without_an_address_are_still_shown()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var ben = await db.Users.Where(u => u.Email == AccessScenario.IroBen).Select(u => u.Id).SingleAsync();
            db.AuditEntries.AddRange(
                new AuditEntry { At = IroAppFactory.Now, UserId = ben, Action = AuditLog.ReadAction, EntityType = AuditLog.ChildEntity, EntityKey = "AB1" },
                new AuditEntry { At = IroAppFactory.Now, UserId = ben, Action = AuditLog.ReadAction, EntityType = "ReviewTimetable", EntityKey = "AB1" });
            await db.SaveChangesAsync();
        }

        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var html = await manager.GetStringAsync(ChildLinks.Record("AB1"));

        var section = html[html.IndexOf("id=\"record-access\"", StringComparison.Ordinal)..];
        Assert.Contains("Opened the record", section, StringComparison.Ordinal);
        Assert.Contains("Read the review timetable (API)", section, StringComparison.Ordinal);
        Assert.Contains(AccessScenario.IroBen, section, StringComparison.Ordinal);
    }

    private async Task<int> ReviewOfAsync(string child)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Reviews.Where(r => r.Child!.LocalId == child).MinAsync(r => r.Id);
    }
}

public sealed class ReadAuditSqliteTests(SqliteApp app) : ReadAuditTests<SqliteApp>(app);

public sealed class ReadAuditPostgresTests(PostgresApp app) : ReadAuditTests<PostgresApp>(app);
