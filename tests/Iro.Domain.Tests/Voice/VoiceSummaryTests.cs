using Iro.Domain;
using Iro.Domain.Children;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Voice;

public class VoiceSummaryTests
{
    private static readonly ReportingYear Year201718 = ReportingYear.Parse("2017-18");
    private static readonly VoiceOptions Options = new();

    private static AdvocacyReferral Referral(int child, string referredOn, AdvocacySource source = AdvocacySource.Iro, string reasons = "", decimal? hours = null) =>
        new() { ChildId = child, ReferredOn = D(referredOn), Source = source, ReasonKeys = reasons, Hours = hours };

    private static IndependentVisitor Visitor(int child, string neededOn, string? matchedOn = null, string? endedOn = null) =>
        new() { ChildId = child, NeededOn = D(neededOn), MatchedOn = N(matchedOn), EndedOn = N(endedOn) };

    [Theory]
    // 31 March 2018 belongs to 2017-18; 1 April 2018 to 2018-19; 31 March 2017 to 2016-17.
    [InlineData("2018-03-31", 1, 0)]
    [InlineData("2017-04-01", 1, 0)]
    [InlineData("2018-04-01", 0, 0)]
    [InlineData("2017-03-31", 0, 1)]
    [InlineData("2016-04-01", 0, 1)]
    [InlineData("2016-03-31", 0, 0)]
    public void A_referral_counts_in_the_year_it_was_made_and_in_the_next_years_previous_year_count(string referredOn, int referrals, int previousYear)
    {
        var figures = VoiceSummary.Advocacy([Referral(1, referredOn)], 10, Year201718, Options);

        Assert.Equal(referrals, figures.Referrals);
        Assert.Equal(referrals, figures.ChildrenReferred);
        Assert.Equal(previousYear, figures.PreviousYearChildrenReferred);
    }

    [Fact]
    public void Children_are_counted_once_and_every_source_and_reason_is_listed()
    {
        // Child 1 twice in the year (Iro, then Child with two reasons), child 2 once (Iro); child 3 in 2016-17 only;
        // a deleted referral of child 4 is not counted. Children referred 2, referrals 3; previous year 1 (child 3).
        // Hours 2.5 + 4 = 6.5 (child 3's 10 hours are the previous year's).
        var referrals = new[]
        {
            Referral(1, "2017-05-01", AdvocacySource.Iro, "PlacementChoice", 2.5m),
            Referral(1, "2017-09-01", AdvocacySource.Child, "PlacementChoice;Complaint", 4m),
            Referral(2, "2018-01-10", AdvocacySource.Iro, "", null),
            Referral(3, "2016-07-01", AdvocacySource.Carer, "Other", 10m),
            new AdvocacyReferral { ChildId = 4, ReferredOn = D("2017-06-01"), Source = AdvocacySource.Other, IsDeleted = true },
        };

        var figures = VoiceSummary.Advocacy(referrals, 318, Year201718, Options);

        Assert.Equal(2, figures.ChildrenReferred);
        Assert.Equal(1, figures.PreviousYearChildrenReferred);
        Assert.Equal(3, figures.Referrals);
        Assert.Equal(6.5m, figures.Hours);
        Assert.Equal(
            ["Iro:2", "SocialWorker:0", "Child:1", "ReturnHomeInterview:0", "Carer:0", "Other:0"],
            figures.BySource.Select(c => $"{c.Key}:{c.Count}"));
        Assert.Equal(
            ["SocialWorkerRelationship:0", "PlacementChoice:2", "FamilyContact:0", "SecureAccommodation:0", "Complaint:1", "LeavingCare:0", "Other:0"],
            figures.ByReason.Select(c => $"{c.Key}:{c.Count}"));
    }

    [Theory]
    // Brent 2017-18: 56 of 318 = 17.610... -> 17.6.
    [InlineData(56, 318, "17.6")]
    // 1 of 8 = 12.5 exactly; 1 of 16 = 6.25 -> 6.3 (half up).
    [InlineData(1, 16, "6.3")]
    [InlineData(1, 8, "12.5")]
    [InlineData(0, 0, "0.0")]
    public void The_share_of_looked_after_children_referred_is_rounded_half_up_to_one_decimal(int children, int lookedAfter, string percent)
    {
        var referrals = Enumerable.Range(1, children).Select(c => Referral(c, "2017-06-01")).ToList();

        var figures = VoiceSummary.Advocacy(referrals, lookedAfter, Year201718, Options);

        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), figures.PercentOfLookedAfterAtEnd);
    }

    [Theory]
    // Matched on 31 March: had a visitor in the year, and has one at 31 March (not waiting).
    [InlineData("2018-01-01", "2018-03-31", null, 1, 0)]
    // Matched on 1 April: none in the year, and waiting at 31 March.
    [InlineData("2018-01-01", "2018-04-01", null, 0, 1)]
    // Ended on 31 March 2017 (before the year began): none in the year; ended 1 April 2017: had one.
    [InlineData("2016-01-01", "2016-02-01", "2017-03-31", 0, 0)]
    [InlineData("2016-01-01", "2016-02-01", "2017-04-01", 1, 0)]
    // Ended on 31 March 2018: had one in the year, none at 31 March, and the need is not waiting (it was met).
    [InlineData("2017-01-01", "2017-02-01", "2018-03-31", 1, 0)]
    // Identified on 31 March, not matched: waiting; identified on 1 April: not yet.
    [InlineData("2018-03-31", null, null, 0, 1)]
    [InlineData("2018-04-01", null, null, 0, 0)]
    // Closed without a match on 31 March: not waiting.
    [InlineData("2017-06-01", null, "2018-03-31", 0, 0)]
    public void Visitors_at_the_year_boundary(string neededOn, string? matchedOn, string? endedOn, int withVisitor, int waiting)
    {
        var figures = VoiceSummary.Visitors([Visitor(1, neededOn, matchedOn, endedOn)], Year201718);

        Assert.Equal(withVisitor, figures.ChildrenWithVisitor);
        Assert.Equal(waiting, figures.Waiting);
    }

    [Fact]
    public void A_child_with_a_visitor_at_31_march_is_not_waiting_for_another_and_children_count_once()
    {
        // Child 1: a match open at 31 March and a second need unmatched: has a visitor, not waiting.
        // Child 2: two unmatched needs: waiting once. Child 3: two matches in the year: one child with a visitor.
        var visitors = new[]
        {
            Visitor(1, "2017-05-01", "2017-06-01"), Visitor(1, "2018-02-01"),
            Visitor(2, "2017-05-01"), Visitor(2, "2017-09-01"),
            Visitor(3, "2016-05-01", "2016-06-01", "2017-07-01"), Visitor(3, "2017-08-01", "2017-10-01"),
        };

        var figures = VoiceSummary.Visitors(visitors, Year201718);

        Assert.Equal(2, figures.ChildrenWithVisitor);
        Assert.Equal(1, figures.Waiting);
    }

    [Fact]
    public void Missing_episodes_count_by_their_start_and_interviews_within_72_hours_of_the_return()
    {
        var episodes = new[]
        {
            // Returned Saturday 31 March 2018 at 18:00; interview Tuesday 3 April 18:00: exactly 72 hours, in time.
            new MissingEpisode { ChildId = 1, Start = D("2018-03-31"), End = D("2018-03-31"), ReturnTime = new TimeOnly(18, 0), InterviewCompletedOn = D("2018-04-03"), InterviewCompletedTime = new TimeOnly(18, 0) },
            // Returned 1 June 2017 at 09:00; interview 4 June at 09:01: one minute late.
            new MissingEpisode { ChildId = 1, Start = D("2017-06-01"), End = D("2017-06-01"), ReturnTime = new TimeOnly(9, 0), InterviewCompletedOn = D("2017-06-04"), InterviewCompletedTime = new TimeOnly(9, 1) },
            // Return time unknown: the window runs to the end of the third day after; interview with no time on that day is in.
            new MissingEpisode { ChildId = 2, Start = D("2017-04-01"), End = D("2017-04-02"), InterviewCompletedOn = D("2017-04-05") },
            // Still missing: no interview to count.
            new MissingEpisode { ChildId = 3, Start = D("2017-12-01") },
            // Started 1 April 2018: next year.
            new MissingEpisode { ChildId = 4, Start = D("2018-04-01"), End = D("2018-04-01"), InterviewCompletedOn = D("2018-04-01") },
            // Started 31 March 2017: previous year.
            new MissingEpisode { ChildId = 4, Start = D("2017-03-31"), End = D("2017-04-01"), InterviewCompletedOn = D("2017-04-01") },
        };

        var figures = VoiceSummary.Missing(episodes, Year201718);

        Assert.Equal((3, 4, 2), (figures.Children, figures.Episodes, figures.InterviewsWithin72Hours));
    }

    [Fact]
    public void Moves_in_the_year_are_consulted_when_a_record_of_the_same_child_and_date_says_so()
    {
        var moves = new[]
        {
            new PlacementMove(1, D("2017-04-01")), new PlacementMove(1, D("2018-03-31")), new PlacementMove(2, D("2017-10-10")),
            new PlacementMove(2, D("2018-04-01")), new PlacementMove(3, D("2017-03-31")),
        };
        var records = new[]
        {
            new PlacementMoveRecord { ChildId = 1, MovedOn = D("2017-04-01"), ConsultedBeforeMove = true },
            new PlacementMoveRecord { ChildId = 1, MovedOn = D("2018-03-31"), ConsultedBeforeMove = false },
            // Another child's record on child 2's date does not count for child 2.
            new PlacementMoveRecord { ChildId = 3, MovedOn = D("2017-10-10"), ConsultedBeforeMove = true },
            // A consulted move of the next year.
            new PlacementMoveRecord { ChildId = 2, MovedOn = D("2018-04-01"), ConsultedBeforeMove = true },
        };

        Assert.Equal(new PlacementMoveFigures(Moves: 3, Consulted: 1), VoiceSummary.Moves(moves, records, Year201718));
    }

    [Fact]
    public void Feedback_counts_returns_received_in_the_year_and_the_share_saying_life_is_getting_better()
    {
        static FeedbackReturn R(string on, FeedbackAnswer? answer, bool deleted = false) =>
            new() { ReceivedOn = D(on), LifeGettingBetter = answer, IsDeleted = deleted };
        var returns = new[]
        {
            R("2017-04-01", FeedbackAnswer.Yes), R("2018-03-31", FeedbackAnswer.Yes), R("2017-08-01", FeedbackAnswer.No),
            R("2017-08-02", FeedbackAnswer.NotSure), R("2017-08-03", null), R("2018-04-01", FeedbackAnswer.Yes),
            R("2017-03-31", FeedbackAnswer.No), R("2017-09-01", FeedbackAnswer.Yes, deleted: true),
        };

        var figures = VoiceSummary.Feedback(returns, Year201718);

        // Five responses (one left the question blank); 2 yes of 4 answers = 50.0.
        Assert.Equal(new FeedbackFigures(Responses: 5, Yes: 2, No: 1, NotSure: 1), figures);
        Assert.Equal(50.0m, figures.PercentYes);
        Assert.Equal(0.0m, VoiceSummary.Feedback([], Year201718).PercentYes);
    }

    [Fact]
    public void Audits_in_the_year_give_the_share_of_yes_per_configured_question()
    {
        var options = new VoiceOptions { AuditQuestions = [new KeyedLabel { Key = "SeenAlone", Label = "Seen alone" }, new KeyedLabel { Key = "ViewsRecorded", Label = "Views" }] };
        static FileAudit A(string on, bool seenAlone, bool? views) => new()
        {
            AuditedOn = D(on),
            Answers = [new FileAuditAnswer { QuestionKey = "SeenAlone", Answer = seenAlone }, .. views is { } v ? new[] { new FileAuditAnswer { QuestionKey = "ViewsRecorded", Answer = v } } : []],
        };
        var audits = new[] { A("2017-04-01", true, true), A("2018-03-31", true, false), A("2017-06-01", true, false), A("2018-04-01", false, false) };

        var figures = VoiceSummary.Audits(audits, Year201718, options);

        // Three audits: seen alone 3 of 3 = 100.0; views 1 of 3 = 33.3.
        Assert.Equal(3, figures.Audits);
        Assert.Equal(["SeenAlone:3/0", "ViewsRecorded:1/2"], figures.Questions.Select(q => $"{q.Key}:{q.Yes}/{q.No}"));
        Assert.Equal([100.0m, 33.3m], figures.Questions.Select(q => q.PercentYes));
    }
}
