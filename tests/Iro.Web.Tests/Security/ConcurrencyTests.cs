using System.Globalization;
using System.Net;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Features.Account;
using Iro.Web.Features.Reviews;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Two managers deciding the same request to cancel a review: one decision wins, the other is refused with a
/// clear message and writes nothing, whether they post at the same moment or one posts from a stale page.
/// </summary>
public abstract class ConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string SecondManager = "second.manager@test.example";
    private const int Rounds = 10;

    [Fact]
    public async Task Two_managers_approving_and_refusing_one_cancellation_at_once_leave_exactly_one_decision()
    {
        var (first, second) = (await app.ClientForAsync(AccessScenario.Manager), await SecondManagerAsync());
        for (var round = 0; round < Rounds; round++)
        {
            var (reviewId, request) = PendingCancellation(new DateOnly(2026, 12, 1).AddDays(round));
            var url = $"/children/B1/reviews/{reviewId}";
            var approveForm = await DecisionFormAsync(first, request);
            var refuseForm = await DecisionFormAsync(second, request);

            var responses = await Task.WhenAll(
                first.PostAsync(url + "?handler=Approve", approveForm),
                second.PostAsync(url + "?handler=Refuse", refuseForm));

            var context = $"round {round}: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}";
            Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1, context);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
            Assert.Contains(ShowModel.ChangedWhileDecidingMessage, await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            AssertOneDecisionRecorded(reviewId, request.Id, context);
        }
    }

    [Fact]
    public async Task A_decision_from_a_page_shown_before_another_managers_decision_is_refused_and_writes_nothing()
    {
        var (first, second) = (await app.ClientForAsync(AccessScenario.Manager), await SecondManagerAsync());
        var (reviewId, request) = PendingCancellation(new DateOnly(2026, 12, 20));
        var url = $"/children/B1/reviews/{reviewId}";
        // Both pages show the request, with its version, before either manager decides.
        Assert.Contains($"value=\"{request.Version}\"", await first.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Contains($"value=\"{request.Version}\"", await second.GetStringAsync(url), StringComparison.Ordinal);

        var refused = await second.PostAsync(url + "?handler=Refuse", await DecisionFormAsync(second, request));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var stale = await first.PostAsync(url + "?handler=Approve", await DecisionFormAsync(first, request));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(ShowModel.ChangedWhileDecidingMessage, html, StringComparison.Ordinal);
        var review = Review(app, reviewId);
        Assert.Equal((ReviewStatus.Planned, ApprovalState.Refused), (review.Status, review.ChangeRequests.Single().State));
        AssertOneDecisionRecorded(reviewId, request.Id, "stale page");
    }

    [Fact]
    public async Task A_request_changed_since_the_page_was_shown_is_not_decided_from_that_page()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var (reviewId, shown) = PendingCancellation(new DateOnly(2026, 12, 21));
        // The request is changed (still waiting) after the manager's page showed it.
        Query(app, db =>
        {
            db.ReviewChangeRequests.Single(r => r.Id == shown.Id).Reason = "Child moved to a placement out of the area";
            return db.SaveChanges();
        });
        Assert.NotEqual(shown.Version, Review(app, reviewId).ChangeRequests.Single().Version);

        var response = await manager.PostAsync($"/children/B1/reviews/{reviewId}?handler=Approve", await DecisionFormAsync(manager, shown));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ShowModel.ChangedWhileDecidingMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var review = Review(app, reviewId);
        Assert.Equal((ReviewStatus.Planned, ApprovalState.Pending), (review.Status, review.ChangeRequests.Single().State));
        Assert.DoesNotContain(AuditOf(app, nameof(ReviewChangeRequest), shown.Id), a => a.Action == "Update" && a.NewValues!.Contains("\"State\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The review and the request agree (approved and cancelled, or refused and still booked), and the audit
    /// has exactly one decision on the request, whose old state is the true one.
    /// </summary>
    private void AssertOneDecisionRecorded(int reviewId, int requestId, string context)
    {
        var review = Review(app, reviewId);
        var state = review.ChangeRequests.Single().State;
        Assert.True(
            (state, review.Status) is (ApprovalState.Approved, ReviewStatus.Cancelled) or (ApprovalState.Refused, ReviewStatus.Planned),
            $"{context}: request {state}, review {review.Status}");
        var decisions = AuditOf(app, nameof(ReviewChangeRequest), requestId).Where(a => a.Action == "Update").ToList();
        var decision = Assert.Single(decisions);
        Assert.Contains("\"State\":\"Pending\"", decision.OldValues, StringComparison.Ordinal);
        Assert.Contains($"\"State\":\"{state}\"", decision.NewValues, StringComparison.Ordinal);
        var reviewUpdates = AuditOf(app, nameof(Review), reviewId).Count(a => a.Action == "Update");
        Assert.Equal(state == ApprovalState.Approved ? 1 : 0, reviewUpdates);
    }

    /// <summary>A booked review of B1 with a request to cancel it waiting for a manager.</summary>
    private (int ReviewId, ReviewChangeRequest Request) PendingCancellation(DateOnly bookedFor) => Query(app, db =>
    {
        var review = Iro.Domain.Reviews.Review.NewBooking(db.Children.Single(c => c.LocalId == "B1").Id, null, null);
        review.HeldOn = bookedFor;
        var request = new ReviewChangeRequest { Kind = ReviewChangeKind.Cancel, Reason = "Child moved to another authority", State = ApprovalState.Pending };
        review.ChangeRequests.Add(request);
        db.Reviews.Add(review);
        db.SaveChanges();
        return (review.Id, request);
    });

    private static async Task<FormUrlEncodedContent> DecisionFormAsync(HttpClient client, ReviewChangeRequest request) => new(new Dictionary<string, string>
    {
        ["requestId"] = request.Id.ToString(CultureInfo.InvariantCulture),
        ["version"] = request.Version.ToString(),
        ["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/"),
    });

    private async Task<HttpClient> SecondManagerAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>();
            if (!await db.Users.AnyAsync(u => u.Email == SecondManager))
            {
                var created = await scope.ServiceProvider.GetRequiredService<UserProvisioning>()
                    .CreateAsync(SecondManager, "second manager", Roles.Manager, AccessScenario.Password, null, CancellationToken.None);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            }
        }

        return await app.ClientForAsync(SecondManager);
    }
}

public sealed class ConcurrencySqliteTests(SqliteApp app) : ConcurrencyTests<SqliteApp>(app);

public sealed class ConcurrencyPostgresTests(PostgresApp app) : ConcurrencyTests<PostgresApp>(app);
