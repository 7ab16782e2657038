using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>What an advocacy referral form gives, before it is checked.</summary>
public sealed record AdvocacyReferralInput(
    DateOnly? ReferredOn, AdvocacySource? Source, IReadOnlyList<string> Reasons, string? Provider,
    DateOnly? StartedOn, DateOnly? ClosedOn, decimal? Hours, string? Outcome);

/// <summary>What an independent visitor form gives, before it is checked.</summary>
public sealed record IndependentVisitorInput(DateOnly? NeededOn, DateOnly? MatchedOn, DateOnly? EndedOn, string? VisitorName);

/// <summary>The rules of the advocacy and independent visitor forms, field by field, in GOV.UK wording.</summary>
public static class VoiceFormRules
{
    public const int ProviderLength = 200;
    public const int OutcomeLength = 2000;
    public const int VisitorNameLength = 200;
    public const decimal MaxHours = 99999.99m;

    public static IReadOnlyList<ReviewProblem> ReferralProblems(AdvocacyReferralInput input, VoiceOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ReviewProblem>();
        void Add(string field, string message) => problems.Add(new ReviewProblem(field, message));
        if (input.ReferredOn is null) Add("ReferredOn", "Enter the date the child was referred");
        else if (input.ReferredOn > today) Add("ReferredOn", "The date referred must be today or in the past");
        if (input.Source is null) Add("Source", "Select who asked for the advocate");
        if (input.Reasons.Any(r => options.AdvocacyReason(r) is null)) Add("Reasons", "Select reasons from the list");
        if (input.Provider?.Length > ProviderLength) Add("Provider", $"The provider must be {ProviderLength} characters or fewer");
        if (input.StartedOn is { } started && input.ReferredOn is { } referred && started < referred)
            Add("StartedOn", "The date advocacy started must be the same as or after the date referred");
        if (input.StartedOn > today) Add("StartedOn", "The date advocacy started must be today or in the past");
        if (input.ClosedOn is { } closed && (input.StartedOn ?? input.ReferredOn) is { } opened && closed < opened)
            Add("ClosedOn", "The date closed must be the same as or after the date referred and the date started");
        if (input.ClosedOn > today) Add("ClosedOn", "The date closed must be today or in the past");
        if (input.Hours is { } hours && (hours < 0 || hours > MaxHours || decimal.Round(hours, 2) != hours))
            Add("Hours", "Hours must be a number such as 2.5, with at most two decimal places");
        if (input.Outcome?.Length > OutcomeLength) Add("Outcome", $"The outcome must be {OutcomeLength} characters or fewer");
        return problems;
    }

    public static IReadOnlyList<ReviewProblem> VisitorProblems(IndependentVisitorInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<ReviewProblem>();
        void Add(string field, string message) => problems.Add(new ReviewProblem(field, message));
        if (input.NeededOn is null) Add("NeededOn", "Enter the date the need for an independent visitor was identified");
        else if (input.NeededOn > today) Add("NeededOn", "The date identified must be today or in the past");
        if (input.MatchedOn is { } matched && input.NeededOn is { } needed && matched < needed)
            Add("MatchedOn", "The date matched must be the same as or after the date identified");
        if (input.MatchedOn > today) Add("MatchedOn", "The date matched must be today or in the past");
        if (input.EndedOn is { } ended && (input.MatchedOn ?? input.NeededOn) is { } from && ended < from)
            Add("EndedOn", "The date ended must be the same as or after the date identified and the date matched");
        if (input.EndedOn > today) Add("EndedOn", "The date ended must be today or in the past");
        if (input.VisitorName?.Length > VisitorNameLength) Add("VisitorName", $"The visitor's name must be {VisitorNameLength} characters or fewer");
        return problems;
    }

    /// <summary>Days a need has waited for a match on <paramref name="today"/>, and whether that is over 3 months.</summary>
    public static (int Days, bool OverThreeMonths) Waiting(DateOnly neededOn, DateOnly today) =>
        (today.DayNumber - neededOn.DayNumber, today > neededOn.AddMonths(3));
}
