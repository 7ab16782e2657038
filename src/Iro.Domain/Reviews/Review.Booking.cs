namespace Iro.Domain.Reviews;

/// <summary>What the planner enters to book a review or change a booking, as the booking form names it.</summary>
public sealed record ReviewBooking(
    DateOnly? Date, TimeOnly? StartsAt, MeetingFormat? Format, string? Venue,
    bool InviteChild, bool InviteParents, bool InviteCarers, bool InviteSocialWorker, bool InviteAdvocate, string? OtherInvitees,
    DateOnly? ChildConsultationSentOn, DateOnly? ChildConsultationReturnedOn,
    DateOnly? ParentConsultationSentOn, DateOnly? ParentConsultationReturnedOn,
    DateOnly? CarerConsultationSentOn, DateOnly? CarerConsultationReturnedOn);

// Booking (statutory-rules section 13): a booked review is Planned, with HeldOn as the booked date.
public partial class Review
{
    /// <summary>A new booking for the child, against the due date it is booked for, chaired by default by the current IRO.</summary>
    public static Review NewBooking(int childId, DateOnly? dueOn, int? chairId) =>
        new() { ChildId = childId, Status = ReviewStatus.Planned, DueOn = dueOn, ChairId = chairId };

    /// <summary>
    /// A booked date must be today or later and within the horizon, unless it is the date already booked (a
    /// booking keeps its date when only the rest changes, even once that date has passed). An in-person or
    /// hybrid review needs a venue; a consultation form cannot come back before it was sent.
    /// </summary>
    public IReadOnlyList<ReviewProblem> BookingProblems(ReviewBooking booking, DateOnly today, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var problems = new ReviewProblems();
        if (Status != ReviewStatus.Planned) problems.Add("", "Only a booked review that has not been held can be changed");
        problems.Require(nameof(booking.Date), booking.Date, "Enter the date of the review");
        if (booking.Date is { } on && on != HeldOn) problems.Add(nameof(booking.Date), ReviewDates.BookingProblem(on, today, horizonMonths));
        problems.Require(nameof(booking.Format), booking.Format, "Select how the review will be held");
        if (booking.Format is MeetingFormat.InPerson or MeetingFormat.Hybrid) problems.RequireText(nameof(booking.Venue), booking.Venue, "Enter the venue");
        problems.Limit(nameof(booking.Venue), booking.Venue, ReviewTextLimits.Venue, "Venue");
        problems.Limit(nameof(booking.OtherInvitees), booking.OtherInvitees, ReviewTextLimits.OtherInvitees, "Others invited");
        problems.Add(nameof(booking.ChildConsultationReturnedOn), ReturnedBeforeSent(booking.ChildConsultationSentOn, booking.ChildConsultationReturnedOn));
        problems.Add(nameof(booking.ParentConsultationReturnedOn), ReturnedBeforeSent(booking.ParentConsultationSentOn, booking.ParentConsultationReturnedOn));
        problems.Add(nameof(booking.CarerConsultationReturnedOn), ReturnedBeforeSent(booking.CarerConsultationSentOn, booking.CarerConsultationReturnedOn));
        return problems;
    }

    /// <summary>Books the review (or changes the booking); throws when <see cref="BookingProblems"/> finds any.</summary>
    public void Book(ReviewBooking booking, DateOnly today, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ReviewProblems.EnsureNone(BookingProblems(booking, today, horizonMonths), "booked");
        HeldOn = booking.Date!.Value;
        (StartsAt, Format, Venue, OtherInvitees) = (booking.StartsAt, booking.Format, booking.Venue?.Trim(), booking.OtherInvitees?.Trim());
        (InviteChild, InviteParents, InviteCarers, InviteSocialWorker, InviteAdvocate) =
            (booking.InviteChild, booking.InviteParents, booking.InviteCarers, booking.InviteSocialWorker, booking.InviteAdvocate);
        (ChildConsultationSentOn, ChildConsultationReturnedOn) = (booking.ChildConsultationSentOn, booking.ChildConsultationReturnedOn);
        (ParentConsultationSentOn, ParentConsultationReturnedOn) = (booking.ParentConsultationSentOn, booking.ParentConsultationReturnedOn);
        (CarerConsultationSentOn, CarerConsultationReturnedOn) = (booking.CarerConsultationSentOn, booking.CarerConsultationReturnedOn);
    }

    private static string? ReturnedBeforeSent(DateOnly? sent, DateOnly? returned) =>
        returned is not null && (sent is null || returned < sent) ? "The date a form came back must be on or after the date it was sent" : null;
}
