using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Iro.Web.Data;
using Iro.Web.Features;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Children;

/// <summary>
/// The child record's read-only sections are kept per data version and the signed-in user is read with the
/// session: every view is still audited and counted, a change shows on the next view, and an account disabled
/// elsewhere is refused on its next request.
/// </summary>
public abstract partial class ChildRecordKeptTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string Child = "A1";

    [Fact]
    public async Task Every_view_of_a_kept_record_writes_its_own_read_and_counts_it()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var managerId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.Manager);
        (await manager.GetAsync(ChildLinks.Record(Child))).EnsureSuccessStatusCode();
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var second = ViewsRecorded(await manager.GetStringAsync(ChildLinks.Record(Child)));
        var third = ViewsRecorded(await manager.GetStringAsync(ChildLinks.Record(Child)));

        var reads = await AuditQueries.ChildReadsAfterAsync(app.Services, before);
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal((managerId, Child), (r.UserId, r.EntityKey)));
        Assert.Equal(second + 1, third);
        Assert.Equal(await ChildReadCountAsync(), third);
    }

    [Fact]
    public async Task A_change_made_by_another_user_shows_on_the_next_view()
    {
        const string name = "Rowena Achterberg";
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        Assert.DoesNotContain(name, await manager.GetStringAsync(ChildLinks.Record(Child)), StringComparison.Ordinal);

        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var page = ChildLinks.Record(Child) + "/social-workers";
        var token = await SignIn.AntiforgeryTokenAsync(ada, page);
        using var added = await ada.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SocialWorkerName"] = name, ["From.Day"] = "2", ["From.Month"] = "11", ["From.Year"] = "2026", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Contains(name, await manager.GetStringAsync(ChildLinks.Record(Child)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_disabled_elsewhere_is_refused_on_its_next_request()
    {
        var support = await SignIn.AsAsync(app, AccessScenario.Support);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync(ChildLinks.Record(Child))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync(ChildLinks.ReviewTimetableApi(Child))).StatusCode);

        await SetDisabledAsync(AccessScenario.Support, true);
        try
        {
            using var page = await support.GetAsync(ChildLinks.Record(Child));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("sign-in", page.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.Unauthorized, (await support.GetAsync(ChildLinks.ReviewTimetableApi(Child))).StatusCode);
        }
        finally
        {
            await SetDisabledAsync(AccessScenario.Support, false);
        }
    }

    private async Task SetDisabledAsync(string email, bool disabled)
    {
        // Only the flag, as a second instance or an administrator's direct change would: the security stamp stays.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, disabled));
    }

    private async Task<int> ChildReadCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        return await db.AuditEntries.CountAsync(e => e.Action == Iro.Web.Audit.AuditLog.ReadAction && e.EntityKey == Child
            && (e.EntityType == Iro.Web.Audit.AuditLog.ChildEntity || e.EntityType == Iro.Web.Features.Children.OpenedPage.LegacyTimetableEntity));
    }

    private static int ViewsRecorded(string html)
    {
        var match = ViewsPattern().Match(WebUtility.HtmlDecode(html));
        Assert.True(match.Success, "The record shows no count of views.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+) views? recorded")]
    private static partial Regex ViewsPattern();
}

public sealed class ChildRecordKeptSqliteTests(SqliteApp app) : ChildRecordKeptTests<SqliteApp>(app);

public sealed class ChildRecordKeptPostgresTests(PostgresApp app) : ChildRecordKeptTests<PostgresApp>(app);
