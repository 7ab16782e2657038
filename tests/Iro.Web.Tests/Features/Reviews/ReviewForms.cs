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
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        // Every page carries a token in the sign-out form, so the token can come from the home page even when the target is out of scope.
        fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<int> BookAsync(HttpClient client, string childId, string date = "2026-12-02")
    {
        var response = await PostAsync(client, $"/children/{childId}/reviews/plan", new Dictionary<string, string>
        {
            ["Date"] = date, ["StartsAt"] = "10:00", ["Format"] = "Virtual", ["InviteChild"] = "true", ["InviteSocialWorker"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public static Dictionary<string, string> RecordFields(int chairId, Guid version, string participation = "PN1") => new()
    {
        ["HeldOn"] = "2026-11-20", ["ChairId"] = chairId.ToString(CultureInfo.InvariantCulture), ["Participation"] = participation,
        ["SpokeToChildAlone"] = "true", ["SocialWorkerReportReceivedOn"] = "2026-11-16", ["CarePlanReceivedOn"] = "2026-11-17",
        // The scenario's children have had no review since 2024, so every review now is late.
        ["LateReason"] = "ChildUnavailable", ["Version"] = version.ToString(),
    };

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
