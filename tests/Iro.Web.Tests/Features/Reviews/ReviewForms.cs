using System.Globalization;
using System.Net;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Reviews;

/// <summary>Posting the review forms as a browser would, and reading what was stored.</summary>
internal static class ReviewForms
{
    /// <summary>
    /// Posts a form. Dates are written yyyy-MM-dd in the tests and typed into the GOV.UK date input's day,
    /// month and year boxes, as a person would; any other value is posted as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        var posted = new Dictionary<string, string>();
        foreach (var (name, value) in fields)
        {
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                (posted[$"{name}.Day"], posted[$"{name}.Month"], posted[$"{name}.Year"]) = (Text(date.Day), Text(date.Month), Text(date.Year));
            else posted[name] = value;
        }

        // Every page carries a token in the sign-out form, so the token can come from the home page even when the target is out of scope.
        posted["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/");
        return await client.PostAsync(url, new FormUrlEncodedContent(posted));
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static async Task<int> BookAsync(HttpClient client, string childId, string date = "2026-12-02")
    {
        var response = await PostAsync(client, $"/children/{childId}/reviews/plan", new Dictionary<string, string>
        {
            ["Date"] = date, ["StartsAt"] = "10:00", ["Format"] = "Virtual", ["InviteChild"] = "true", ["InviteSocialWorker"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public static Dictionary<string, string> RecordFields(int chairId, Guid version, string participation = "PN1", string heldOn = "2026-11-20") => new()
    {
        ["HeldOn"] = heldOn, ["ChairId"] = chairId.ToString(CultureInfo.InvariantCulture), ["Participation"] = participation,
        ["SpokeToChildAlone"] = "true", ["SocialWorkerReportReceivedOn"] = "2026-11-16", ["CarePlanReceivedOn"] = "2026-11-17",
        // The scenario's children have had no review since 2024, so every review now is late.
        ["LateReason"] = "ChildUnavailable", ["Version"] = version.ToString(),
    };

    /// <summary>
    /// A date to record a review of the child as held: 20 November 2026, or the day after the child's latest
    /// held review when tests sharing the database have already recorded one (a held date must follow it).
    /// </summary>
    public static string NextHeldOn(IroAppFactory app, string childId)
    {
        var latest = Query(app, db => db.Reviews.Where(r => r.Child!.LocalId == childId).Held().Max(r => (DateOnly?)r.HeldOn));
        var first = new DateOnly(2026, 11, 20);
        var next = latest is { } l && l >= first ? l.AddDays(1) : first;
        return next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static T Query<T>(IroAppFactory app, Func<IroDbContext, T> query)
    {
        using var scope = app.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<IroDbContext>());
    }

    public static Review Review(IroAppFactory app, int id) =>
        Query(app, db => db.Reviews.AsNoTracking().Include(r => r.Decisions).Include(r => r.ChangeRequests).Single(r => r.Id == id));

    public static int OfficerId(IroAppFactory app, string email) => Query(app, db => db.ReviewingOfficers.Single(o => o.Email == email).Id);

    public static List<AuditEntry> AuditOf(IroAppFactory app, string type, int id) => Query(app, db =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityKey == id.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToList());
}
