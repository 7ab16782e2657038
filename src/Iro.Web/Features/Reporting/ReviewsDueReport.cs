namespace Iro.Web.Features.Reporting;

/// <summary>Every child looked after on <paramref name="On"/> in the user's caseload with their next review, earliest due first.</summary>
public sealed record ReviewsDueReport(DateOnly On, IReadOnlyList<ReviewsDueQuery.Row> Rows)
{
    /// <summary>The download's columns: the first eight are an interface and keep their names and order.</summary>
    public ReportTable ToTable() => ReportTable.Of<ReviewsDueQuery.Row>(
        Rows,
        new("child_id", r => r.LocalId),
        new("name", r => r.DisplayName),
        new("iro", r => r.IroName),
        new("due_date", r => r.DueDate),
        new("status", r => DueListStatusText.Of(r.Status).Slug),
        new("regime", r => r.Regime),
        new("reliable", r => r.Reliable),
        new("last_review", r => r.LastReview),
        new("booking", r => r.Booking is null ? "not-booked" : "booked"),
        new("booked_date", r => r.Booking?.On),
        new("booked_time", r => r.Booking?.At),
        new("format", r => r.Booking?.Format),
        new("venue", r => r.Booking?.Venue),
        new("booked_after_due", r => r.Booking is null ? null : r.BookedAfterDue));
}
