using Iro.Domain.Reviews;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Reviews;

/// <summary>Decisions, the letter to the child, midway reviews and case notes: each checked by its own rules.</summary>
public sealed class ReviewOutcomeTests
{
    private static readonly DateOnly Today = D("2026-11-27");

    private static Review Held() => new() { Status = ReviewStatus.Held, HeldOn = D("2026-11-20") };

    private static string[] Fields(IEnumerable<ReviewProblem> problems) => [.. problems.Select(p => p.Field)];

    [Theory]
    [InlineData("School visit", "Jo Smith", "Social worker", "2026-12-18", new string[0])]
    [InlineData(" ", null, "", null, new[] { "What", "PersonName", "PersonRole", "DueBy" })]
    [InlineData("School visit", "Jo Smith", "Social worker", "2026-11-19", new[] { "DueBy" })]
    [InlineData("School visit", "Jo Smith", "Social worker", "2026-11-20", new string[0])]
    public void A_decision_needs_what_who_their_role_and_a_date_from_the_review(string? what, string? name, string? role, string? dueBy, string[] fields) =>
        Assert.Equal(fields, Fields(Held().DecisionProblems(new(what, name, role, N(dueBy)))));

    [Fact]
    public void A_decision_is_added_open_and_only_to_a_held_review()
    {
        var review = Held();
        var decision = review.AddDecision(new(" School visit ", "Jo", "Social worker", D("2026-12-18")), "Ada");
        Assert.Equal(("School visit", DecisionStatus.Open, "Ada"), (decision.What, decision.Status, decision.CreatedByName));
        Assert.Same(decision, review.Decisions.Single());
        var planned = new Review { Status = ReviewStatus.Planned, HeldOn = D("2026-11-20") };
        Assert.Throws<InvalidOperationException>(() => planned.AddDecision(new("x", "y", "z", D("2026-12-18")), "Ada"));
    }

    [Theory]
    [InlineData(DecisionStatus.Done, "2026-11-27")]
    [InlineData(DecisionStatus.Open, null)]
    public void A_decision_s_status_change_is_dated(DecisionStatus status, string? on)
    {
        var decision = new ReviewDecision { What = "x", PersonName = "y", PersonRole = "z", StatusChangedOn = D("2026-11-01") };
        decision.ChangeStatus(status, Today);
        Assert.Equal(N(on), decision.StatusChangedOn);
    }

    [Theory]
    [InlineData(false, null, null, null, new string[0])]
    [InlineData(true, null, null, null, new[] { "WorkingWell", "Worries" })]
    [InlineData(true, "Settled", "School", 10, new string[0])]
    [InlineData(false, null, null, 11, new[] { "Scaling" })]
    [InlineData(false, null, null, -1, new[] { "Scaling" })]
    public void A_letter_is_issued_only_with_what_is_working_well_and_the_worries(bool issue, string? working, string? worries, int? scaling, string[] fields) =>
        Assert.Equal(fields, Fields(Held().LetterProblems(new(working, worries, null, scaling), issue)));

    [Fact]
    public void Issuing_the_letter_sends_the_decisions_with_it_and_closes_it()
    {
        var review = Held();
        review.WriteLetter(new(" Settled ", "School", null, 7), issue: false, Today);
        Assert.Equal(("Settled", (DateOnly?)null, (DateOnly?)null), (review.LetterWorkingWell, review.RecordIssuedOn, review.DecisionsSentOn));
        review.WriteLetter(new("Settled", "School", null, 7), issue: true, Today);
        Assert.Equal((Today, Today), (review.RecordIssuedOn, review.DecisionsSentOn));
        Assert.Equal([""], Fields(review.LetterProblems(new("Settled", "School", null, 7), issue: false)));
    }

    [Fact]
    public void Decisions_sent_earlier_keep_their_date()
    {
        var review = Held();
        review.SendDecisions(D("2026-11-24"));
        review.SendDecisions(Today);
        Assert.Equal(D("2026-11-24"), review.DecisionsSentOn);
    }

    [Theory]
    [InlineData("2026-11-27", MidwayMethod.Visit, "Carer", "Going well", new string[0])]
    [InlineData("2026-11-28", MidwayMethod.Visit, "Carer", "Going well", new[] { "MidwayOn" })]
    [InlineData(null, null, " ", null, new[] { "MidwayOn", "Method", "WithWhom", "Summary" })]
    public void A_midway_review_is_dated_today_or_before_with_how_whom_and_a_summary(string? on, MidwayMethod? method, string? withWhom, string? summary, string[] fields) =>
        Assert.Equal(fields, Fields(new MidwayEntry(N(on), method, withWhom, summary, null).Problems(Today)));

    [Theory]
    [InlineData("Called the school", new string[0])]
    [InlineData("  ", new[] { "NoteText" })]
    public void A_case_note_needs_its_text(string text, string[] fields) =>
        Assert.Equal(fields, Fields(new CaseNoteEntry(text, false).Problems()));
}
