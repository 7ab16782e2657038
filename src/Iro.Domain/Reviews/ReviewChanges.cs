namespace Iro.Domain.Reviews;

/// <summary>
/// Postponing and cancelling a booked review: anyone planning the review may ask, with a reason; nothing
/// changes until a manager approves (statutory-rules section 13.5).
/// </summary>
public static class ReviewChanges
{
    /// <summary>Problems with a request to postpone or cancel; empty when it may be made.</summary>
    /// <remarks>A new date must be on or after today and within the booking horizon (<see cref="ReviewDates.BookingProblem"/>).</remarks>
    public static IReadOnlyList<ReviewProblem> Problems(
        Review review, ReviewChangeKind? kind, string? reason, DateOnly? newDate, DateOnly today, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(review);
        var problems = new ReviewProblems();
        if (review.ChangeRequests.Any(r => r.State == ApprovalState.Pending))
            problems.Add("", "A request to change this review is already waiting for a manager's approval");
        else if (review.Status != ReviewStatus.Planned) problems.Add("", "Only a booked review that has not been held can be postponed or cancelled");
        problems.Require("Kind", kind, "Select whether to postpone or cancel the review");
        problems.RequireText("Reason", reason, "Enter the reason");
        problems.Limit("Reason", reason, ReviewTextLimits.Reason, "Reason");
        if (kind != ReviewChangeKind.Postpone) return problems;
        if (newDate is null) problems.Add("NewDate", "Enter the new date");
        else if (newDate == review.HeldOn) problems.Add("NewDate", "The new date must be different from the booked date");
        else problems.Add("NewDate", ReviewDates.BookingProblem(newDate.Value, today, horizonMonths));
        return problems;
    }

    /// <summary>Asks to postpone or cancel: the request waits for a manager; the review itself does not change yet.</summary>
    public static ReviewChangeRequest Request(
        Review review, ReviewChangeKind? kind, string? reason, DateOnly? newDate, string requestedByName, DateOnly today, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(review);
        ReviewProblems.EnsureNone(Problems(review, kind, reason, newDate, today, horizonMonths), "postponed or cancelled");
        var request = new ReviewChangeRequest
        {
            Kind = kind!.Value, NewDate = kind == ReviewChangeKind.Postpone ? newDate : null, Reason = reason!.Trim(),
            State = ApprovalState.Pending, CreatedByName = requestedByName,
        };
        review.ChangeRequests.Add(request);
        return request;
    }

    /// <summary>
    /// A postponement can only be approved while its new date is still today or later: a date that has passed
    /// in the meantime would book the review in the past.
    /// </summary>
    public static string? ApprovalProblem(ReviewChangeRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is { Kind: ReviewChangeKind.Postpone, NewDate: { } date } && date < today
            ? $"The new date, {date:d MMMM yyyy}, has passed. Refuse this request and ask for a new date"
            : null;
    }

    /// <summary>Applies an approved request: a postponement moves the booked date, a cancellation cancels the review.</summary>
    public static void Approve(Review review, ReviewChangeRequest request, string userId, string userName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(request);
        if (request.State != ApprovalState.Pending) throw new InvalidOperationException("The request has already been decided.");
        Decide(request, ApprovalState.Approved, userId, userName, at);
        if (request.Kind == ReviewChangeKind.Cancel) review.Status = ReviewStatus.Cancelled;
        else review.HeldOn = request.NewDate ?? throw new InvalidOperationException("A postponement needs a new date.");
    }

    public static void Refuse(ReviewChangeRequest request, string userId, string userName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.State != ApprovalState.Pending) throw new InvalidOperationException("The request has already been decided.");
        Decide(request, ApprovalState.Refused, userId, userName, at);
    }

    private static void Decide(ReviewChangeRequest request, ApprovalState state, string userId, string userName, DateTimeOffset at)
    {
        request.State = state;
        request.DecidedByUserId = userId;
        request.DecidedByName = userName;
        request.DecidedAt = at;
    }
}
