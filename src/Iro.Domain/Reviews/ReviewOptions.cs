namespace Iro.Domain.Reviews;

/// <summary>
/// Local practice around the review (statutory-rules sections 11 and 13); binds from the configuration
/// section <see cref="SectionName"/>. The defaults are the common practice values, none of them statutory.
/// </summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Reviews";

    /// <summary>Reports and the care plan are on time when they reach the IRO at least this many working days before the review.</summary>
    public int PaperworkWorkingDaysBefore { get; set; } = 3;

    /// <summary>Decisions are sent out within this many working days of the review.</summary>
    public int DecisionsDueWorkingDays { get; set; } = 5;

    /// <summary>The full record of review is issued within this many working days of the review.</summary>
    public int RecordDueWorkingDays { get; set; } = 20;

    /// <summary>An adjourned review must resume within this many working days; a review is adjourned at most once.</summary>
    public int AdjournmentMaxWorkingDays { get; set; } = 20;

    /// <summary>The midway review falls this fraction of the way from the last review to the next due date.</summary>
    public double MidwayReviewFraction { get; set; } = 0.5;

    /// <summary>A review can be booked, or postponed, at most this many months ahead of today.</summary>
    public int BookingHorizonMonths { get; set; } = 12;
}
