using Iro.Domain.Children;

namespace Iro.Domain.Reviews;

/// <summary>
/// Dates on the review forms checked against the child's history and today (statutory-rules sections 11
/// and 13). Pure functions: today comes from the caller, in the service's time zone.
/// </summary>
public static class ReviewDates
{
    /// <summary>
    /// A held date must not be in the future, must fall inside one of the child's periods of care and must
    /// come after the previous held review.
    /// </summary>
    public static string? HeldProblem(DateOnly heldOn, DateOnly today, IEnumerable<PeriodOfCare> periods, DateOnly? previousHeldOn)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (heldOn > today) return "The date the review was held must be today or in the past";
        if (!periods.Any(p => p.Covers(heldOn)))
            return $"The child was not looked after on {heldOn:d MMMM yyyy}. The date held must fall within a period of care";
        if (previousHeldOn is { } previous && heldOn <= previous)
            return $"The date held must be after the previous review, held on {previous:d MMMM yyyy}";
        return null;
    }

    /// <summary>The latest other held review before this one: the one a held date must come after.</summary>
    public static DateOnly? PreviousHeldOn(IEnumerable<Review> reviews, Review review)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(review);
        var before = review.Status == ReviewStatus.Held ? review.HeldOn : DateOnly.MaxValue;
        return reviews.Held().Where(r => !ReferenceEquals(r, review) && r.HeldOn < before)
            .Select(r => (DateOnly?)r.HeldOn).Max();
    }

    /// <summary>A booked or postponed date: on or after today and no further ahead than the horizon.</summary>
    public static string? BookingProblem(DateOnly date, DateOnly today, int horizonMonths)
    {
        if (date < today) return "The date must be today or in the future";
        var latest = LatestBooking(today, horizonMonths);
        return date > latest
            ? $"The date must be within {horizonMonths} months, on or before {latest:d MMMM yyyy}"
            : null;
    }

    /// <summary>The furthest ahead a review can be booked or postponed to.</summary>
    public static DateOnly LatestBooking(DateOnly today, int horizonMonths) => today.AddMonths(horizonMonths);

    /// <summary>A warning, not an error: the date is after the review is due, so the review will be late.</summary>
    public static string? LateWarning(DateOnly date, DateOnly? dueOn) =>
        ReviewRules.IsLate(date, dueOn)
            ? $"This date is after the review is due ({dueOn:d MMMM yyyy}), so the review will be late"
            : null;
}
