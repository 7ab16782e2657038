using Iro.Domain.Reviews;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Reviews;

public sealed class ReviewChangesTests
{
    private static readonly DateOnly Today = D("2026-11-27");

    private static Review Booked() => new() { Status = ReviewStatus.Planned, HeldOn = D("2026-12-01") };

    [Theory]
    [InlineData(ReviewChangeKind.Cancel, "Child in hospital", null, new string[0])]
    [InlineData(ReviewChangeKind.Cancel, " ", null, new[] { "Reason" })]
    [InlineData(ReviewChangeKind.Postpone, "IRO ill", null, new[] { "NewDate" })]
    [InlineData(ReviewChangeKind.Postpone, "IRO ill", "2026-12-01", new[] { "NewDate" })]
    [InlineData(ReviewChangeKind.Postpone, "IRO ill", "2026-12-08", new string[0])]
    // Today is 27 November 2026: a past date (a Sunday) and one beyond the 12-month horizon are refused.
    [InlineData(ReviewChangeKind.Postpone, "IRO ill", "2026-11-22", new[] { "NewDate" })]
    [InlineData(ReviewChangeKind.Postpone, "IRO ill", "2027-11-27", new string[0])]
    [InlineData(ReviewChangeKind.Postpone, "IRO ill", "2031-01-06", new[] { "NewDate" })]
    public void A_request_needs_a_reason_and_for_a_postponement_a_new_date(ReviewChangeKind kind, string reason, string? newDate, string[] fields) =>
        Assert.Equal(fields, ReviewChanges.Problems(Booked(), kind, reason, N(newDate), Today, 12).Select(p => p.Field).Order());

    [Fact]
    public void A_reason_longer_than_its_limit_is_refused() =>
        Assert.Equal(["Reason"], ReviewChanges.Problems(Booked(), ReviewChangeKind.Cancel, new string('x', ReviewTextLimits.Reason + 1), null, Today, 12).Select(p => p.Field));

    [Theory]
    [InlineData(ReviewChangeKind.Postpone, "2026-11-26", false)]
    [InlineData(ReviewChangeKind.Postpone, "2026-11-27", true)]
    [InlineData(ReviewChangeKind.Cancel, null, true)]
    public void A_postponement_whose_new_date_has_passed_cannot_be_approved(ReviewChangeKind kind, string? newDate, bool approvable) =>
        Assert.Equal(approvable, ReviewChanges.ApprovalProblem(new ReviewChangeRequest { Kind = kind, NewDate = N(newDate), Reason = "x" }, Today) is null);

    [Fact]
    public void Only_one_request_waits_at_a_time_and_only_for_a_booked_review()
    {
        var review = Booked();
        review.ChangeRequests.Add(new ReviewChangeRequest { Reason = "x", State = ApprovalState.Pending });
        Assert.Contains("", ReviewChanges.Problems(review, ReviewChangeKind.Cancel, "y", null, Today, 12).Select(p => p.Field));
        Assert.Contains("", ReviewChanges.Problems(new Review { Status = ReviewStatus.Held }, ReviewChangeKind.Cancel, "y", null, Today, 12).Select(p => p.Field));
    }

    [Fact]
    public void A_cancellation_takes_effect_only_on_approval()
    {
        var review = Booked();
        var request = new ReviewChangeRequest { Kind = ReviewChangeKind.Cancel, Reason = "Moved out of area", State = ApprovalState.Pending };
        review.ChangeRequests.Add(request);
        Assert.Equal(ReviewStatus.Planned, review.Status);

        ReviewChanges.Approve(review, request, "m1", "Manager", DateTimeOffset.UnixEpoch);
        Assert.Equal(ReviewStatus.Cancelled, review.Status);
        Assert.Equal((ApprovalState.Approved, "m1", "Manager"), (request.State, request.DecidedByUserId, request.DecidedByName));
        Assert.Throws<InvalidOperationException>(() => ReviewChanges.Approve(review, request, "m1", "Manager", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_postponement_moves_the_date_on_approval_and_a_refusal_changes_nothing()
    {
        var review = Booked();
        var refused = new ReviewChangeRequest { Kind = ReviewChangeKind.Postpone, NewDate = D("2026-12-10"), Reason = "x" };
        ReviewChanges.Refuse(refused, "m1", "Manager", DateTimeOffset.UnixEpoch);
        Assert.Equal((ReviewStatus.Planned, D("2026-12-01"), ApprovalState.Refused), (review.Status, review.HeldOn, refused.State));

        var approved = new ReviewChangeRequest { Kind = ReviewChangeKind.Postpone, NewDate = D("2026-12-10"), Reason = "x" };
        ReviewChanges.Approve(review, approved, "m1", "Manager", DateTimeOffset.UnixEpoch);
        Assert.Equal((ReviewStatus.Planned, D("2026-12-10")), (review.Status, review.HeldOn));
    }

    [Fact]
    public void Only_held_and_not_deleted_reviews_count()
    {
        Review[] reviews =
        [
            new() { Id = 1, Status = ReviewStatus.Held },
            new() { Id = 2, Status = ReviewStatus.Planned },
            new() { Id = 3, Status = ReviewStatus.Cancelled },
            new() { Id = 4, Status = ReviewStatus.Held, IsDeleted = true },
        ];
        Assert.Equal([1], reviews.Held().Select(r => r.Id));
        Assert.Equal([1], reviews.AsQueryable().Held().Select(r => r.Id));
    }
}
