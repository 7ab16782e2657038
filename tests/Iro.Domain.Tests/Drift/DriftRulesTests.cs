using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Drift;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Drift;

public sealed class DriftRulesTests
{
    private static readonly DriftSettings Settings =
        new(WorkingDayCalendar.EnglandAndWales, new TimetableOptions(), new ReviewOptions(), null, D("2020-01-01"));

    private static DriftItem? Only(DriftInput child, string today, string rule) =>
        DriftRules.Evaluate(child, Settings, D(today)).SingleOrDefault(i => i.Rule == rule);

    private static void AssertDue(string? expectedDue, DriftItem? item) => Assert.Equal(N(expectedDue), item?.DueOn);

    [Theory]
    // In care Monday 5 January 2026: the 20th working day after is Monday 2 February.
    [InlineData("2026-01-05", null, "2026-02-02", null)]
    [InlineData("2026-01-05", null, "2026-02-03", "2026-02-02")]
    // Held on the due date: the next is due 3 months later.
    [InlineData("2026-01-05", "2026-02-02", "2026-02-03", null)]
    [InlineData("2026-01-05", "2026-02-02", "2026-05-03", "2026-05-02")]
    // In care Wednesday 1 April 2026: Good Friday (3 April) and Easter Monday (6 April) are skipped, due Friday 1 May.
    [InlineData("2026-04-01", null, "2026-05-01", null)]
    [InlineData("2026-04-01", null, "2026-05-02", "2026-05-01")]
    public void Review_overdue_follows_the_timetable(string inCare, string? heldOn, string today, string? due)
    {
        var child = new DriftInput { Episodes = [Ep(inCare)], Reviews = heldOn is null ? [] : [new DriftReview(1, D(heldOn), D(heldOn))] };
        AssertDue(due, Only(child, today, DriftRuleKeys.ReviewOverdue));
    }

    [Theory]
    [InlineData(DecisionStatus.Open, "2026-03-10", null)]
    [InlineData(DecisionStatus.Open, "2026-03-11", "2026-03-10")]
    [InlineData(DecisionStatus.Done, "2026-03-11", null)]
    [InlineData(DecisionStatus.NoLongerNeeded, "2026-06-01", null)]
    public void Decision_overdue_while_open_after_its_date(DecisionStatus status, string today, string? due)
    {
        var child = new DriftInput { Decisions = [new DriftDecision(7, 1, "Contact plan agreed", D("2026-03-10"), status)] };
        var item = Only(child, today, DriftRuleKeys.DecisionOverdue);
        AssertDue(due, item);
        if (item is not null) Assert.Equal(7, item.SourceId);
    }

    [Theory]
    // Review held 2 February 2026, next due 2 May: 89 days, half is 44.5, rounded up to 45: midway due 19 March.
    [InlineData(null, "2026-03-19", null)]
    [InlineData(null, "2026-03-20", "2026-03-19")]
    [InlineData("2026-03-01", "2026-03-20", null)]
    // A midway review before the last review does not count.
    [InlineData("2026-01-20", "2026-03-20", "2026-03-19")]
    public void Midway_review_overdue_half_way_to_the_next_review(string? midwayOn, string today, string? due)
    {
        var child = new DriftInput
        {
            Episodes = [Ep("2026-01-05")],
            Reviews = [new DriftReview(1, D("2026-02-02"), D("2026-02-02"))],
            MidwayReviews = midwayOn is null ? [] : [D(midwayOn)],
        };
        AssertDue(due, Only(child, today, DriftRuleKeys.MidwayOverdue));
    }

    [Theory]
    // Held Monday 2 February 2026: the 20th working day after is Monday 2 March.
    [InlineData("2026-02-02", null, "2026-03-02", null)]
    [InlineData("2026-02-02", null, "2026-03-03", "2026-03-02")]
    [InlineData("2026-02-02", "2026-03-10", "2026-03-11", null)]
    // Held Tuesday 1 December 2026: Christmas Day and Boxing Day's substitute (Monday 28th) are skipped, due 31 December.
    [InlineData("2026-12-01", null, "2026-12-31", null)]
    [InlineData("2026-12-01", null, "2027-01-01", "2026-12-31")]
    public void Record_of_review_not_issued_within_20_working_days(string heldOn, string? issuedOn, string today, string? due)
    {
        var child = new DriftInput { Episodes = [Ep("2025-06-02")], Reviews = [new DriftReview(3, D(heldOn), N(issuedOn))] };
        AssertDue(due, Only(child, today, DriftRuleKeys.RecordLate));
    }

    [Theory]
    // Back on Friday 6 November 2026, time unknown: the window runs to the end of Monday 9 November, across the weekend.
    [InlineData(null, null, null, null, null, "2026-11-09", null)]
    [InlineData(null, null, null, null, null, "2026-11-10", "2026-11-09")]
    // Back at 22:00 on Friday: 72 hours end at 22:00 on Monday.
    [InlineData("22:00", null, null, null, null, "2026-11-10", "2026-11-09")]
    // A late interview clears the item; so does one offered in time and declined, but not one offered late and declined.
    [InlineData(null, null, "2026-11-12", null, null, "2026-11-13", null)]
    [InlineData(null, "2026-11-09", null, true, null, "2026-11-13", null)]
    [InlineData("22:00", "2026-11-09", null, true, "22:30", "2026-11-13", "2026-11-09")]
    [InlineData(null, "2026-11-10", null, true, null, "2026-11-13", "2026-11-09")]
    public void Return_home_interview_within_72_hours(
        string? returnTime, string? offeredOn, string? completedOn, bool? declined, string? offeredAt, string today, string? due)
    {
        var episode = new MissingEpisode
        {
            Id = 4, Start = D("2026-11-04"), End = D("2026-11-06"), ReturnTime = returnTime is null ? null : TimeOnly.Parse(returnTime, System.Globalization.CultureInfo.InvariantCulture),
            InterviewOfferedOn = N(offeredOn), InterviewOfferedTime = offeredAt is null ? null : TimeOnly.Parse(offeredAt, System.Globalization.CultureInfo.InvariantCulture),
            InterviewCompletedOn = N(completedOn), InterviewDeclined = declined,
        };
        AssertDue(due, Only(new DriftInput { Missing = [episode] }, today, DriftRuleKeys.ReturnInterview));
    }

    [Fact]
    public void No_return_interview_is_due_while_the_child_is_still_missing() =>
        Assert.Null(Only(new DriftInput { Missing = [new MissingEpisode { Start = D("2026-01-01") }] }, "2026-06-01", DriftRuleKeys.ReturnInterview));

    [Theory]
    // Moves on 1 December 2025, 1 March and 1 June 2026.
    [InlineData("2026-05-31", null)]
    [InlineData("2026-06-01", "2026-06-01")]
    [InlineData("2026-11-30", "2026-06-01")]
    // On 1 December 2026 the first move is 12 months old and drops out.
    [InlineData("2026-12-01", null)]
    public void Three_placement_moves_in_12_months(string today, string? due)
    {
        var child = new DriftInput
        {
            Episodes =
            [
                Ep("2025-01-10", "2025-12-01", rec: ReasonEpisodeCeased.X1),
                Ep("2025-12-01", "2026-03-01", ReasonForNewEpisode.P, ReasonEpisodeCeased.X1),
                Ep("2026-03-01", "2026-06-01", ReasonForNewEpisode.P, ReasonEpisodeCeased.X1),
                Ep("2026-06-01", null, ReasonForNewEpisode.P),
            ],
        };
        AssertDue(due, Only(child, today, DriftRuleKeys.PlacementMoves));
    }

    [Theory]
    // Workers from 1 January 2025, then changes on 1 September 2025, 1 January and 1 April 2026.
    [InlineData("2026-03-31", null)]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("2026-09-01", null)]
    public void Three_changes_of_social_worker_in_12_months(string today, string? due)
    {
        SocialWorkerAssignment Worker(string name, string from) => new() { SocialWorkerName = name, From = D(from) };
        var child = new DriftInput
        {
            SocialWorkers = [Worker("Ann", "2025-01-01"), Worker("Ben", "2025-09-01"), Worker("Cal", "2026-01-01"), Worker("Ann", "2026-04-01")],
        };
        AssertDue(due, Only(child, today, DriftRuleKeys.SocialWorkers));
    }

    [Theory]
    // In care from 10 May 2024, born 1 June 2015: first due 10 May 2025, then 10 May 2026.
    [InlineData("2015-06-01", null, "2026-05-09", "2025-05-10")]
    [InlineData("2015-06-01", "2024-04-01", "2026-05-09", null)]
    [InlineData("2015-06-01", "2024-04-01", "2026-05-10", "2026-05-10")]
    [InlineData("2015-06-01", "2025-04-01", "2026-05-10", null)]
    // A reason (no score) does not meet it; 903 SDQ scores are for children aged 4 to 16.
    [InlineData("2015-06-01", "reason", "2026-05-09", "2025-05-10")]
    [InlineData("2023-01-01", null, "2026-05-09", null)]
    [InlineData("2009-01-01", null, "2026-05-09", null)]
    // Less than 12 months in care: not yet due.
    [InlineData("2015-06-01", null, "2025-05-09", null)]
    public void Sdq_yearly_after_12_months_in_care(string born, string? sdqYear, string today, string? due)
    {
        var health = sdqYear switch
        {
            null => [],
            "reason" => [new HealthOutcomes { YearStart = D("2024-04-01"), SdqReason = "SDQ1" }],
            _ => new List<HealthOutcomes> { new() { YearStart = D(sdqYear), SdqScore = "14" } },
        };
        var child = new DriftInput { DateOfBirth = D(born), Episodes = [Ep("2024-05-10")], Health = health };
        AssertDue(due, Only(child, today, DriftRuleKeys.SdqMissing));
    }

    [Theory]
    // Born 15 March 2010 (16 on 15 March 2026), in care from 1 September 2025: eligible 30 November 2025, due 15 June 2026.
    [InlineData("2025-09-01", null, null, null, "2026-06-15", null)]
    [InlineData("2025-09-01", null, null, null, "2026-06-16", "2026-06-15")]
    [InlineData("2025-09-01", null, "2026-05-01", "2026-05-20", "2026-06-16", null)]
    [InlineData("2025-09-01", null, "2026-05-01", null, "2026-06-16", "2026-06-15")]
    // In care from 1 March 2026: eligible 30 May 2026, after the birthday, so due 30 August.
    [InlineData("2026-03-01", null, null, null, "2026-08-31", "2026-08-30")]
    // Left care before 16: not eligible.
    [InlineData("2024-04-01", "2025-12-31", null, null, "2026-08-31", null)]
    // 18 or over: a care leaver, outside this rule.
    [InlineData("2025-09-01", null, null, null, "2028-03-15", null)]
    public void Needs_assessment_and_pathway_plan_3_months_after_16(
        string inCare, string? leftCare, string? assessedOn, string? planOn, string today, string? due)
    {
        var child = new DriftInput
        {
            DateOfBirth = D("2010-03-15"), Episodes = [Ep(inCare, leftCare)], NeedsAssessmentOn = N(assessedOn), PathwayPlanOn = N(planOn),
        };
        AssertDue(due, Only(child, today, DriftRuleKeys.LeavingCare));
    }

    [Fact]
    public void Eligibility_adds_up_weeks_of_care_since_14_across_periods()
    {
        // 61 days (1 April to 31 May 2024) after the 14th birthday, then 30 more from 1 March 2026: 30 March 2026.
        Assert.Equal(D("2026-03-30"), DriftRules.EligibleOn([Ep("2024-04-01", "2024-05-31"), Ep("2026-03-01")], D("2010-03-15"), D("2026-06-01")));
    }

    [Theory]
    // Approved Monday 5 January 2026: 16 weeks end on Monday 27 April.
    [InlineData(null, null, "2026-04-27", null)]
    [InlineData(null, null, "2026-04-28", "2026-04-27")]
    [InlineData("2026-06-22", null, "2026-04-28", null)]
    [InlineData("2026-06-22", null, "2026-06-23", "2026-06-22")]
    [InlineData(null, "2026-04-20", "2026-05-01", null)]
    public void Connected_person_temporary_approval_past_16_weeks(string? extendedTo, string? endedOn, string today, string? due)
    {
        var approval = new ConnectedPersonApproval { Id = 2, ApprovedOn = D("2026-01-05"), ExtendedTo = N(extendedTo), EndedOn = N(endedOn) };
        AssertDue(due, Only(new DriftInput { ConnectedPersons = [approval] }, today, DriftRuleKeys.ConnectedPerson));
    }

    [Theory]
    [InlineData(PlacementType.K1, null, null, "2026-02-01")]
    [InlineData(PlacementType.K1, "2026-02-03", null, null)]
    [InlineData(PlacementType.K1, "2026-02-03", "2026-02-05", "2026-02-01")]
    [InlineData(PlacementType.U4, null, null, null)]
    public void Secure_accommodation_without_an_open_advocacy_referral(PlacementType placement, string? referredOn, string? closedOn, string? due)
    {
        var child = new DriftInput
        {
            Episodes = [Ep("2026-02-01", place: placement)],
            Advocacy = referredOn is null ? [] : [new AdvocacyReferral { ReferredOn = D(referredOn), ClosedOn = N(closedOn) }],
        };
        AssertDue(due, Only(child, "2026-02-10", DriftRuleKeys.SecureWithoutAdvocacy));
    }

    [Theory]
    // Needed 31 January 2026: 3 months on is 30 April (the month's last day).
    [InlineData(null, "2026-04-30", null)]
    [InlineData(null, "2026-05-01", "2026-04-30")]
    [InlineData("2026-04-15", "2026-05-01", null)]
    public void Independent_visitor_not_matched_after_3_months(string? matchedOn, string today, string? due)
    {
        var need = new IndependentVisitor { Id = 9, NeededOn = D("2026-01-31"), MatchedOn = N(matchedOn) };
        AssertDue(due, Only(new DriftInput { Visitors = [need] }, today, DriftRuleKeys.IndependentVisitor));
    }

    [Fact]
    public void Event_items_due_before_the_actionable_date_are_left_to_data_quality()
    {
        var child = new DriftInput
        {
            Decisions = [new DriftDecision(1, 1, "Old", D("2025-03-31"), DecisionStatus.Open), new DriftDecision(2, 1, "New", D("2025-04-01"), DecisionStatus.Open)],
        };
        var items = DriftRules.Evaluate(child, Settings with { ActionableFrom = D("2025-04-01") }, D("2026-01-01"));
        Assert.Equal([2], items.Select(i => i.SourceId));
    }

    [Fact]
    public void Items_come_oldest_first()
    {
        var child = new DriftInput
        {
            Visitors = [new IndependentVisitor { NeededOn = D("2026-01-31") }],
            Decisions = [new DriftDecision(1, 1, "Contact", D("2026-03-10"), DecisionStatus.Open)],
        };
        Assert.Equal([DriftRuleKeys.DecisionOverdue, DriftRuleKeys.IndependentVisitor],
            DriftRules.Evaluate(child, Settings, D("2026-06-01")).Select(i => i.Rule));
    }
}
