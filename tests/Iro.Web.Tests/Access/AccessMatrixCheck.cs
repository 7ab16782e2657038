using System.Net;
using Iro.Domain.Reviews;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Access;

/// <summary>
/// Runs every user of the access scenario against every child-level route and every child (plus one that does
/// not exist, and a review that belongs to another child) and lists what breaks the rules:
/// - a child the user may not see is "not found" (404), never shown, never "forbidden" for some children only;
/// - a role without the page's permission is refused the same way for every child;
/// - a child the user may see is shown (200, or a redirect to another page of the same child);
/// - every page shown adds a read to the audit trail with the signed-in user.
/// </summary>
public static class AccessMatrixCheck
{
    private const string Missing = "NOSUCH";

    public static async Task<IReadOnlyList<string>> RunAsync(
        IServiceProvider services, Func<string, Task<HttpClient>> clientFor, IReadOnlyList<ChildLevelRoute> routes)
    {
        var problems = new List<string>();
        await GiveEachReviewADecisionAsync(services);
        var reviews = await ReviewOfEachChildAsync(services);
        var samples = await SampleValuesAsync(services);
        var shownSomewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (user, visible) in AccessScenario.Visible)
        {
            var client = await clientFor(user);
            var userId = await AuditQueries.UserIdAsync(services, user);
            foreach (var route in routes)
            {
                var outcomes = new List<(string Child, bool Visible, Outcome Outcome)>();
                foreach (var child in AccessScenario.ChildIds.Append(Missing))
                {
                    var ownReview = reviews.GetValueOrDefault(child, reviews["A1"]);
                    var before = await AuditQueries.LastAuditIdAsync(services);
                    var url = route.For(child, ownReview, samples.GetValueOrDefault(ownReview));
                    var outcome = await OutcomeAsync(client, url, child);
                    var isVisible = visible.Contains(child);
                    outcomes.Add((child, isVisible, outcome));
                    if (outcome == Outcome.Shown)
                    {
                        shownSomewhere.Add(route.ToString());
                        if (!await ReadWasAuditedAsync(services, before, userId, child))
                            problems.Add($"{user} GET {url}: shown without a read in the audit trail");
                    }

                    if (!isVisible && outcome != Outcome.NotFound && outcome != Outcome.Refused)
                        problems.Add($"{user} GET {url}: {outcome} for a child out of scope (expected 404)");
                }

                var refused = outcomes.Count(o => o.Outcome == Outcome.Refused);
                if (refused > 0 && refused != outcomes.Count)
                    problems.Add($"{user} GET {route}: refused for some children and not others ({string.Join(", ", outcomes.Select(o => $"{o.Child}={o.Outcome}"))})");
                if (refused == 0)
                {
                    foreach (var (child, _, outcome) in outcomes.Where(o => o.Visible && o.Outcome != Outcome.Shown))
                        problems.Add($"{user} GET {route.For(child, reviews[child], samples.GetValueOrDefault(reviews[child]))}: {outcome} for a child in scope (expected it shown)");

                    // A review (or an escalation) of another child is not found, whoever asks.
                    if (route.Pattern.Parameters.Any(p => ChildLevelEndpoints.NamesAReview(p.Name) || p.Name == ChildLevelEndpoints.EscalationParameter) && visible.Contains("B1"))
                    {
                        var crossed = route.For("B1", reviews["A1"], samples.GetValueOrDefault(reviews["A1"]));
                        var outcome = await OutcomeAsync(client, crossed, "B1");
                        if (outcome != Outcome.NotFound) problems.Add($"{user} GET {crossed}: {outcome} for another child's review (expected 404)");
                    }
                }
            }
        }

        problems.AddRange(routes.Where(r => !shownSomewhere.Contains(r.ToString())).Select(r => $"GET {r}: shown to nobody, so the matrix proves nothing about it"));
        return problems;
    }

    private enum Outcome
    {
        Shown,
        NotFound,
        Refused,
        Other,
    }

    private static async Task<Outcome> OutcomeAsync(HttpClient client, string url, string child)
    {
        using var response = await client.GetAsync(url);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Shown,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.StartsWith($"/children/{child}", StringComparison.Ordinal) => Outcome.Shown,
            HttpStatusCode.Redirect when location.StartsWith("/access-denied", StringComparison.Ordinal) => Outcome.Refused,
            HttpStatusCode.Forbidden => Outcome.Refused,
            HttpStatusCode.NotFound => Outcome.NotFound,
            _ => Outcome.Other,
        };
    }

    private static async Task<Dictionary<string, int>> ReviewOfEachChildAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        return await db.Reviews.GroupBy(r => r.Child!.LocalId).Select(g => new { g.Key, Id = g.Min(r => r.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id);
    }

    /// <summary>Pages about one decision (confirming its deletion) need a decision of the review to show.</summary>
    private static async Task GiveEachReviewADecisionAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var undecided = await db.Reviews.Where(r => !db.ReviewDecisions.Any(d => d.ReviewId == r.Id)).Select(r => new { r.Id, r.HeldOn }).ToListAsync();
        db.ReviewDecisions.AddRange(undecided.Select(r => new ReviewDecision
        {
            ReviewId = r.Id, What = "Arrange a visit", PersonName = "Sam Social", PersonRole = "Social worker", DueBy = r.HeldOn.AddDays(20),
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Values that belong to each review, by parameter name: of the query string (a decision of the review) and of
    /// the route (an escalation of the review's child).
    /// </summary>
    /// <summary>Values for the route parameters other than the child and review (a decision, an escalation), by review id.</summary>
    internal static async Task<Dictionary<int, IReadOnlyDictionary<string, string>>> SampleValuesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var decisions = await db.ReviewDecisions.GroupBy(d => d.ReviewId).Select(g => new { ReviewId = g.Key, Id = g.Min(d => d.Id) })
            .ToDictionaryAsync(d => d.ReviewId, d => d.Id);
        var escalations = await db.Escalations.GroupBy(e => e.ChildId).Select(g => new { ChildId = g.Key, Id = g.Min(e => e.Id) })
            .ToDictionaryAsync(e => e.ChildId, e => e.Id);
        var reviews = await db.Reviews.Select(r => new { r.Id, r.ChildId }).ToListAsync();
        return reviews.ToDictionary(r => r.Id, r =>
        {
            var values = new Dictionary<string, string>();
            if (decisions.TryGetValue(r.Id, out var decision)) values["decisionId"] = decision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (escalations.TryGetValue(r.ChildId, out var escalation)) values[ChildLevelEndpoints.EscalationParameter] = escalation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (IReadOnlyDictionary<string, string>)values;
        });
    }

    private static async Task<bool> ReadWasAuditedAsync(IServiceProvider services, long after, string userId, string child)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().AuditEntries.AnyAsync(e =>
            e.Id > after && e.UserId == userId && e.Action == AuditLog.ReadAction && e.EntityType == AuditLog.ChildEntity && e.EntityKey == child);
    }
}
