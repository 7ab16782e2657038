using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Reviews;

/// <summary>Booking, recording, adjourning and asking to postpone or cancel, as methods of the review with their rules.</summary>
public sealed class ReviewLifecycleTests
{
    private static readonly DateOnly Today = D("2026-11-27");
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static Review Booked(string on = "2026-12-01") => new() { Status = ReviewStatus.Planned, HeldOn = D(on) };

    private static ReviewBooking Booking(
        string? date = "2026-12-08", MeetingFormat? format = MeetingFormat.Virtual, string? venue = null, string? others = null,
        string? childSent = null, string? childReturned = null) =>
        new(N(date), new TimeOnly(10, 0), format, venue, true, false, true, true, false, others,
            N(childSent), N(childReturned), null, null, null, null);

    private static string[] Fields(IEnumerable<ReviewProblem> problems) => [.. problems.Select(p => p.Field)];

    public static TheoryData<string, ReviewBooking, string[]> Bookings => new()
    {
        { "a date next week, held virtually", Booking(), [] },
        { "no date", Booking(date: null), ["Date"] },
        { "a date in the past", Booking(date: "2026-11-26"), ["Date"] },
        { "a date beyond the horizon", Booking(date: "2027-11-28"), ["Date"] },
        { "no format", Booking(format: null), ["Format"] },
        { "in person without a venue", Booking(format: MeetingFormat.InPerson, venue: " "), ["Venue"] },
        { "hybrid with a venue", Booking(format: MeetingFormat.Hybrid, venue: "Town hall"), [] },
        { "a venue over its limit", Booking(venue: new string('v', ReviewTextLimits.Venue + 1)), ["Venue"] },
        { "others invited over their limit", Booking(others: new string('o', ReviewTextLimits.OtherInvitees + 1)), ["OtherInvitees"] },
        { "a form back before it was sent", Booking(childSent: "2026-11-20", childReturned: "2026-11-19"), ["ChildConsultationReturnedOn"] },
        { "a form back that was never sent", Booking(childReturned: "2026-11-19"), ["ChildConsultationReturnedOn"] },
        { "a form sent and back", Booking(childSent: "2026-11-19", childReturned: "2026-11-20"), [] },
    };

    [Theory]
    [MemberData(nameof(Bookings))]
    public void A_new_booking_is_checked_against_its_rules(string why, ReviewBooking booking, string[] fields) =>
        Assert.True(fields.SequenceEqual(Fields(Review.NewBooking(1, D("2026-12-10"), 7).BookingProblems(booking, Today, 12))), why);

    [Fact]
    public void A_booking_keeps_its_date_once_passed_when_only_the_rest_changes()
    {
        var review = Booked("2026-11-20");
        Assert.Empty(review.BookingProblems(Booking(date: "2026-11-20", venue: "Library"), Today, 12));
        Assert.Equal(["Date"], Fields(review.BookingProblems(Booking(date: "2026-11-21"), Today, 12)));
    }

    [Fact]
    public void Booking_sets_the_date_and_details_and_refuses_what_its_rules_refuse()
    {
        var review = Review.NewBooking(1, D("2026-12-10"), 7);
        review.Book(Booking(format: MeetingFormat.InPerson, venue: "  Town hall ", others: " Teacher "), Today, 12);
        Assert.Equal((ReviewStatus.Planned, D("2026-12-08"), "Town hall", "Teacher", 7, D("2026-12-10")),
            (review.Status, review.HeldOn, review.Venue, review.OtherInvitees, review.ChairId, review.DueOn));
        Assert.Throws<InvalidOperationException>(() => review.Book(Booking(date: "2026-11-01"), Today, 12));
        Assert.Equal(D("2026-12-08"), review.HeldOn);
        Assert.Equal(["Date"], Fields(new Review { Status = ReviewStatus.Planned }.BookingProblems(Booking(date: "2026-11-26"), Today, 12)));
        Assert.Contains("", Fields(new Review { Status = ReviewStatus.Held }.BookingProblems(Booking(), Today, 12)));
    }

    // A child born on 1 March 2020 (6 at the review), looked after since 1 June 2025, last reviewed on 1 June 2026.
    private static readonly Child Child = new() { Id = 1, LocalId = "A1", DateOfBirth = D("2020-03-01"), Episodes = [Ep("2025-06-01")] };

    private static ReviewRecord Recording(
        string? heldOn = "2026-11-20", int? chair = 7, ParticipationCode? participation = ParticipationCode.PN1, bool? spokeAlone = true,
        string? report = "2026-11-16", string? carePlan = "2026-11-17", ReasonForLateness? lateReason = null, string? attendees = null) =>
        new(N(heldOn), chair, participation, attendees, spokeAlone, null, N(report), N(carePlan), null, null, null, null, lateReason, " Note ");

    private static RecordingContext Context(Review review, string? dueOn = "2026-12-01") =>
        RecordingContext.For(Child, review, Today, N(dueOn));

    public static TheoryData<string, ReviewRecord, string?, string[]> Recordings => new()
    {
        { "a review held on time", Recording(), "2026-12-01", [] },
        { "no date held", Recording(heldOn: null), "2026-12-01", ["HeldOn"] },
        { "held in the future", Recording(heldOn: "2026-11-28"), "2026-12-01", ["HeldOn"] },
        { "held before the child was looked after", Recording(heldOn: "2025-05-30", report: null, carePlan: null), "2026-12-01", ["HeldOn"] },
        { "held on the day of the previous review", Recording(heldOn: "2026-06-01", report: null, carePlan: null), "2026-12-01", ["HeldOn"] },
        { "no chair", Recording(chair: null), "2026-12-01", ["ChairId"] },
        { "no participation", Recording(participation: null), "2026-12-01", ["Participation"] },
        { "PN0 for a child of 6", Recording(participation: ParticipationCode.PN0), "2026-12-01", ["Participation"] },
        { "not said whether the IRO spoke to the child alone", Recording(spokeAlone: null), "2026-12-01", ["SpokeToChildAlone"] },
        { "attendees over their limit", Recording(attendees: new string('a', ReviewTextLimits.Attendees + 1)), "2026-12-01", ["Attendees"] },
        { "the report after the review", Recording(report: "2026-11-21"), "2026-12-01", ["SocialWorkerReportReceivedOn"] },
        { "the care plan after the review", Recording(carePlan: "2026-11-21"), "2026-12-01", ["CarePlanReceivedOn"] },
        { "late without a reason", Recording(), "2026-11-19", ["LateReason"] },
        { "late with a reason", Recording(lateReason: ReasonForLateness.ChildUnavailable), "2026-11-19", [] },
        { "no due date known", Recording(), null, [] },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public void A_record_is_checked_against_its_rules(string why, ReviewRecord record, string? dueOn, string[] fields)
    {
        var previous = new Review { Status = ReviewStatus.Held, HeldOn = D("2026-06-01") };
        var review = Booked("2026-11-20");
        Child.Reviews = [previous, review];
        Assert.True(fields.SequenceEqual(Fields(review.RecordingProblems(record, Context(review, dueOn)))), why);
    }

    [Theory]
    [InlineData("2026-11-19", ReasonForLateness.ChildUnavailable, ReasonForLateness.ChildUnavailable, "Note")]
    [InlineData("2026-12-01", ReasonForLateness.ChildUnavailable, null, null)]
    public void Recording_holds_the_review_and_keeps_a_lateness_reason_only_when_late(string dueOn, ReasonForLateness reason, ReasonForLateness? kept, string? note)
    {
        var review = Booked("2026-11-20");
        Child.Reviews = [review];
        review.Record(Recording(lateReason: reason), Context(review, dueOn));
        Assert.Equal((ReviewStatus.Held, D("2026-11-20"), D(dueOn), kept, note), (review.Status, review.HeldOn, review.DueOn, review.LateReason, review.LateReasonNote));
    }

    [Fact]
    public void A_cancelled_review_cannot_be_recorded()
    {
        var review = new Review { Status = ReviewStatus.Cancelled, HeldOn = D("2026-11-20") };
        Child.Reviews = [review];
        Assert.Equal([""], Fields(review.RecordingProblems(Recording(), Context(review))));
        Assert.Throws<InvalidOperationException>(() => review.Record(Recording(), Context(review)));
    }

    public static TheoryData<string, string?, ReviewAdjournment, string[]> Adjournments => new()
    {
        { "resuming within 20 working days", null, new(D("2026-11-02"), D("2026-11-30"), "Parent unwell"), [] },
        { "resuming too late", null, new(D("2026-11-02"), D("2026-12-01"), "Parent unwell"), ["ResumesOn"] },
        { "resuming before it was adjourned", null, new(D("2026-11-02"), D("2026-11-02"), "Parent unwell"), ["ResumesOn"] },
        { "adjourned already", "2026-10-01", new(D("2026-11-02"), D("2026-11-09"), "Again"), [""] },
        { "nothing entered", null, new(null, null, " "), ["AdjournedOn", "ResumesOn", "Reason"] },
        { "a reason over its limit", null, new(D("2026-11-02"), D("2026-11-09"), new string('r', ReviewTextLimits.Reason + 1)), ["Reason"] },
    };

    [Theory]
    [MemberData(nameof(Adjournments))]
    public void An_adjournment_is_checked_against_its_rules(string why, string? adjournedBefore, ReviewAdjournment adjournment, string[] fields)
    {
        var review = Booked("2026-11-02");
        review.AdjournedOn = N(adjournedBefore);
        Assert.True(fields.SequenceEqual(Fields(review.AdjournmentProblems(adjournment, Calendar, 20))), why);
    }

    [Fact]
    public void Adjourning_moves_the_booking_to_the_date_it_resumes_once_only()
    {
        var review = Booked("2026-11-02");
        review.Adjourn(new(D("2026-11-02"), D("2026-11-09"), " Parent unwell "), Calendar, 20);
        Assert.Equal((D("2026-11-02"), D("2026-11-09"), "Parent unwell"), (review.AdjournedOn, review.HeldOn, review.AdjournmentReason));
        Assert.Throws<InvalidOperationException>(() => review.Adjourn(new(D("2026-11-09"), D("2026-11-10"), "Again"), Calendar, 20));
        Assert.Equal([""], Fields(new Review { Status = ReviewStatus.Held }.AdjournmentProblems(new(D("2026-11-02"), D("2026-11-09"), "x"), Calendar, 20)));
    }

    [Theory]
    [InlineData(ReviewChangeKind.Postpone, "2026-12-08", "2026-12-08")]
    [InlineData(ReviewChangeKind.Cancel, "2026-12-08", null)]
    public void Asking_to_postpone_or_cancel_adds_a_request_waiting_for_a_manager(ReviewChangeKind kind, string newDate, string? kept)
    {
        var review = Booked();
        var request = ReviewChanges.Request(review, kind, " IRO ill ", D(newDate), "Ada", Today, 12);
        Assert.Equal((kind, N(kept), "IRO ill", ApprovalState.Pending, "Ada"), (request.Kind, request.NewDate, request.Reason, request.State, request.CreatedByName));
        Assert.Same(request, review.ChangeRequests.Single());
        Assert.Equal((ReviewStatus.Planned, D("2026-12-01")), (review.Status, review.HeldOn));
        Assert.Throws<InvalidOperationException>(() => ReviewChanges.Request(review, kind, "Again", D(newDate), "Ada", Today, 12));
    }

    [Fact]
    public void A_request_must_say_whether_to_postpone_or_cancel() =>
        Assert.Equal(["Kind"], Fields(ReviewChanges.Problems(Booked(), null, "IRO ill", null, Today, 12)));
}
