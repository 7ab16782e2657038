namespace Iro.Domain.Reviews;

/// <summary>A midway review as the IRO enters it, as the oversight form names it.</summary>
public sealed record MidwayEntry(DateOnly? MidwayOn, MidwayMethod? Method, string? WithWhom, string? Summary, string? Concerns)
{
    /// <summary>A midway review already done (today or before): how, with whom, and a summary.</summary>
    public IReadOnlyList<ReviewProblem> Problems(DateOnly today)
    {
        var problems = new ReviewProblems();
        problems.Require(nameof(MidwayOn), MidwayOn, "Enter the date of the midway review");
        if (MidwayOn > today) problems.Add(nameof(MidwayOn), "The date must be today or in the past");
        problems.Limit(nameof(WithWhom), WithWhom, ReviewTextLimits.Name, "With whom");
        problems.Limit(nameof(Summary), Summary, ReviewTextLimits.MidwaySummary, "Summary");
        problems.Limit(nameof(Concerns), Concerns, ReviewTextLimits.MidwaySummary, "Concerns raised");
        problems.Require(nameof(Method), Method, "Select how the midway review was done");
        problems.RequireText(nameof(WithWhom), WithWhom, "Enter who it was with");
        problems.RequireText(nameof(Summary), Summary, "Enter a summary");
        return problems;
    }

    public MidwayReview For(int childId, DateOnly today, string createdByName)
    {
        ReviewProblems.EnsureNone(Problems(today), "given this midway review");
        return new MidwayReview
        {
            ChildId = childId, HeldOn = MidwayOn!.Value, Method = Method!.Value, WithWhom = WithWhom!.Trim(), Summary = Summary!.Trim(),
            Concerns = string.IsNullOrWhiteSpace(Concerns) ? null : Concerns.Trim(), CreatedByName = createdByName,
        };
    }
}

/// <summary>A case note as the IRO enters it, as the oversight form names it.</summary>
public sealed record CaseNoteEntry(string? NoteText, bool Significant)
{
    public IReadOnlyList<ReviewProblem> Problems()
    {
        var problems = new ReviewProblems();
        problems.RequireText(nameof(NoteText), NoteText, "Enter the case note");
        problems.Limit(nameof(NoteText), NoteText, ReviewTextLimits.CaseNote, "Case note");
        return problems;
    }

    public CaseNote For(int childId, string createdByName)
    {
        ReviewProblems.EnsureNone(Problems(), "given this case note");
        return new CaseNote { ChildId = childId, Text = NoteText!.Trim(), SignificantEvent = Significant, CreatedByName = createdByName };
    }
}
