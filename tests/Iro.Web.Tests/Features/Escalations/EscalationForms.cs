using System.Globalization;
using System.Net;
using Iro.Domain.Escalations;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Escalations;

/// <summary>Posting the escalation forms as a browser would, and reading what was stored.</summary>
internal static partial class EscalationForms
{
    /// <summary>
    /// Posts a form whose fields may repeat (the themes). Dates written yyyy-MM-dd are typed into the day, month
    /// and year boxes.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var posted = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in fields)
        {
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                posted.Add(new($"{name}.Day", Text(date.Day)));
                posted.Add(new($"{name}.Month", Text(date.Month)));
                posted.Add(new($"{name}.Year", Text(date.Year)));
            }
            else
            {
                posted.Add(new(name, value));
            }
        }

        posted.Add(new("__RequestVerificationToken", await SignIn.AntiforgeryTokenAsync(client, "/")));
        return await client.PostAsync(url, new FormUrlEncodedContent(posted));
    }

    /// <summary>Each form that changes an escalation, with valid values for it (pairs of name and value).</summary>
    public static TheoryData<string, string[]> Forms => new()
    {
        { "response", ["RespondedOn", "2026-11-27", "Response", "Agreed"] },
        { "next", ["Level", "ServiceManager", "RecipientName", "Sol Service", "RaisedOn", "2026-11-27"] },
        { "resolve", ["Outcome", "Resolved", "ResolvedOn", "2026-11-27"] },
        { "cafcass", ["CafcassReferredOn", "2026-11-27", "CafcassReason", "Plan drift"] },
    };

    /// <summary>Raises an escalation at team manager level today (27 November 2026) and returns its id.</summary>
    public static async Task<int> RaiseAsync(HttpClient client, string childId, string level = "TeamManager", string concern = "The SDQ has not been done")
    {
        var response = await PostAsync(client, $"/children/{childId}/escalations/new",
            ("Concern", concern), ("ActionRequested", "Complete the SDQ before the next review"), ("Themes", "Sdq"), ("Themes", "Health"),
            ("Level", level), ("RecipientName", "Tess Manager"), ("RecipientRole", ""), ("RaisedOn", "2026-11-27"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/children/{childId}/escalations/", location, StringComparison.Ordinal);
        return int.Parse(location.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public static Escalation Stored(IroAppFactory app, int id) => Query(app, db =>
        db.Escalations.AsNoTracking().Include(e => e.Stages.OrderBy(s => s.Sequence)).Include(e => e.Themes).Single(e => e.Id == id));

    public static int Count(IroAppFactory app) => Query(app, db => db.Escalations.Count());

    public static int ScenarioEscalationOf(IroAppFactory app, string childId) => Query(app, db =>
        db.Escalations.Where(e => e.Child!.LocalId == childId).Min(e => e.Id));

    public static string Version(IroAppFactory app, int id) => Stored(app, id).Version.ToString();

    /// <summary>The children of the rows of the open escalations list, in the order shown.</summary>
    public static List<string> ListedChildren(string html) =>
        [.. RowPattern().Matches(html[html.IndexOf("id=\"open-escalations\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)];

    [System.Text.RegularExpressions.GeneratedRegex("<tr class=\"govuk-table__row\" data-child=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex RowPattern();

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
