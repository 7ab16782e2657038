using System.Globalization;
using Iro.Web.Data;
using Iro.Web.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Reviews;

public sealed class AuditTrailSqliteTests(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailPostgresTests(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;

/// <summary>The review's audit trail reads as changed fields, "from → to", not as the stored JSON.</summary>
public abstract class AuditTrailTests(IroAppFactory app)
{
    [Fact]
    public async Task The_audit_trail_shows_changed_fields_as_from_and_to_instead_of_raw_json()
    {
        int reviewId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            reviewId = await db.Reviews.Where(r => r.Child!.LocalId == "A1").Select(r => r.Id).FirstAsync();
            var managerId = await db.Users.Where(u => u.Email == AccessScenario.Manager).Select(u => u.Id).SingleAsync();
            db.AuditEntries.Add(new AuditEntry
            {
                At = IroAppFactory.Now, UserId = managerId, Action = "Update", EntityType = "Review",
                EntityKey = reviewId.ToString(CultureInfo.InvariantCulture),
                OldValues = "{\"HeldOn\":\"2026-11-20\",\"Venue\":null,\"SpokeToChildAlone\":false}",
                NewValues = "{\"HeldOn\":\"2026-11-21\",\"Venue\":\"Family centre\",\"SpokeToChildAlone\":true}",
            });
            await db.SaveChangesAsync();
        }

        var client = await app.ClientForAsync(AccessScenario.Manager);
        var html = await client.GetStringAsync($"/children/A1/reviews/{reviewId}");
        var trail = html[html.IndexOf("id=\"audit-trail\"", StringComparison.Ordinal)..];

        Assert.DoesNotContain("{&quot;", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("HeldOn", trail, StringComparison.Ordinal);
        Assert.Matches("Held on</span>: 20 Nov 2026 <span aria-hidden=\"true\">→</span>.*? 21 Nov 2026", trail);
        Assert.Matches("Venue</span>: \\(blank\\) <span aria-hidden=\"true\">→</span>.*? Family centre", trail);
        Assert.Matches("Spoke to child alone</span>: No <span aria-hidden=\"true\">→</span>.*? Yes", trail);
    }

    [Theory]
    [InlineData("HeldOn", "Held on")]
    [InlineData("SocialWorkerReportReceivedOn", "Social worker report received on")]
    [InlineData("LetterScaling", "Letter scaling")]
    public void Field_names_in_the_audit_trail_read_as_words(string field, string expected) =>
        Assert.Equal(expected, AuditTrailQuery.Readable(field));
}
