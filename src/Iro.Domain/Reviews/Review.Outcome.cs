namespace Iro.Domain.Reviews;

/// <summary>A decision as the IRO enters it: what needs to happen, who is responsible (name and role) and by when.</summary>
public sealed record DecisionEntry(string? What, string? PersonName, string? PersonRole, DateOnly? DueBy);

/// <summary>The record of review letter as the IRO writes it; the scaling is the child's own, 0 to 10.</summary>
public sealed record ReviewLetter(string? WorkingWell, string? Worries, string? ChildsWords, int? Scaling);

// After the meeting (statutory-rules section 16): the decisions, sent out, and the record written as a letter to the child.
public partial class Review
{
    public const int HighestScaling = 10;

    public const string ScalingProblem = "Scaling must be a whole number from 0 to 10";

    /// <summary>A held review's decision needs what, who and their role, and a date on or after the review.</summary>
    public IReadOnlyList<ReviewProblem> DecisionProblems(DecisionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new ReviewProblems();
        if (Status != ReviewStatus.Held) problems.Add("", "Decisions can only be added to a review that has been held");
        problems.RequireText(nameof(entry.What), entry.What, "Enter what needs to happen");
        problems.RequireText(nameof(entry.PersonName), entry.PersonName, "Enter the name of the person responsible");
        problems.RequireText(nameof(entry.PersonRole), entry.PersonRole, "Enter their role");
        problems.Limit(nameof(entry.What), entry.What, ReviewTextLimits.Decision, "What needs to happen");
        problems.Limit(nameof(entry.PersonName), entry.PersonName, ReviewTextLimits.Name, "Name of the person responsible");
        problems.Limit(nameof(entry.PersonRole), entry.PersonRole, ReviewTextLimits.Name, "Their role");
        problems.Require(nameof(entry.DueBy), entry.DueBy, "Enter the date it must happen by");
        if (entry.DueBy < HeldOn) problems.Add(nameof(entry.DueBy), "The date must be on or after the review");
        return problems;
    }

    /// <summary>Adds an open decision, attributed to the person who wrote it.</summary>
    public ReviewDecision AddDecision(DecisionEntry entry, string createdByName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ReviewProblems.EnsureNone(DecisionProblems(entry), "given this decision");
        var decision = new ReviewDecision
        {
            What = entry.What!.Trim(), PersonName = entry.PersonName!.Trim(), PersonRole = entry.PersonRole!.Trim(), DueBy = entry.DueBy!.Value,
            Status = DecisionStatus.Open, CreatedByName = createdByName,
        };
        Decisions.Add(decision);
        return decision;
    }

    /// <summary>A letter may be changed until it is issued; issuing needs what's working well and what we are worried about.</summary>
    public IReadOnlyList<ReviewProblem> LetterProblems(ReviewLetter letter, bool issue)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var problems = new ReviewProblems();
        if (Status != ReviewStatus.Held || RecordIssuedOn is not null) problems.Add("", "Only the letter of a held review that has not been issued can be changed");
        if (letter.Scaling is < 0 or > HighestScaling) problems.Add(nameof(letter.Scaling), ScalingProblem);
        problems.Limit(nameof(letter.WorkingWell), letter.WorkingWell, ReviewTextLimits.LetterSection, "What's working well");
        problems.Limit(nameof(letter.Worries), letter.Worries, ReviewTextLimits.LetterSection, "What we are worried about");
        problems.Limit(nameof(letter.ChildsWords), letter.ChildsWords, ReviewTextLimits.LetterSection, "In your own words");
        if (issue) problems.RequireText(nameof(letter.WorkingWell), letter.WorkingWell, "Write what's working well before issuing the letter");
        if (issue) problems.RequireText(nameof(letter.Worries), letter.Worries, "Write what we are worried about before issuing the letter");
        return problems;
    }

    /// <summary>Saves the letter as a draft or, with <paramref name="issue"/>, issues it today; the decisions go out with it if they have not already.</summary>
    public void WriteLetter(ReviewLetter letter, bool issue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ReviewProblems.EnsureNone(LetterProblems(letter, issue), issue ? "issued" : "changed");
        (LetterWorkingWell, LetterWorries, LetterChildsWords, LetterScaling) = (letter.WorkingWell?.Trim(), letter.Worries?.Trim(), letter.ChildsWords?.Trim(), letter.Scaling);
        if (!issue) return;
        RecordIssuedOn = today;
        SendDecisions(today);
    }

    /// <summary>Records that the decisions went out today, unless they already had.</summary>
    public void SendDecisions(DateOnly today) => DecisionsSentOn ??= today;
}
