using Iro.Domain.Calendar;
using Iro.Domain.Reviews;

namespace Iro.Domain.Escalations;

/// <summary>What the IRO enters to raise an escalation: the concern, the action asked for, themes and the first stage.</summary>
public sealed record EscalationStart(
    int ChildId, int RaisedByOfficerId, string? Concern, string? ActionRequested, IReadOnlyList<string> Themes,
    StageAddressee FirstStage, int? ReviewDecisionId = null);

/// <summary>Who a stage is addressed to and when it was raised.</summary>
public sealed record StageAddressee(string? Level, string? RecipientName, string? RecipientRole, DateOnly? RaisedOn);

// The dispute resolution process (statutory-rules section 14): raise at any level (the IRO may bypass any
// stage), record responses, take it up a level or past several, resolve it; refer to Cafcass at any time.
public partial class Escalation
{
    public static IReadOnlyList<ReviewProblem> StartProblems(EscalationStart start, EscalationOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ReviewProblems();
        problems.RequireText(nameof(start.Concern), start.Concern, "Enter the concern");
        problems.Limit(nameof(start.Concern), start.Concern, EscalationTextLimits.Concern, "The concern");
        problems.RequireText(nameof(start.ActionRequested), start.ActionRequested, "Enter what you are asking for");
        problems.Limit(nameof(start.ActionRequested), start.ActionRequested, EscalationTextLimits.ActionRequested, "What you are asking for");
        if (start.Themes.Count == 0) problems.Add(nameof(start.Themes), "Select at least one theme");
        else if (start.Themes.Any(t => options.Theme(t) is null)) problems.Add(nameof(start.Themes), "Select themes from the list");
        AddAddresseeProblems(problems, start.FirstStage, options, today, earliest: null);
        return problems;
    }

    /// <summary>Raises an escalation with its first stage; throws when <see cref="StartProblems"/> finds any.</summary>
    public static Escalation Start(EscalationStart start, EscalationOptions options, IWorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(start);
        ReviewProblems.EnsureNone(StartProblems(start, options, today), "raised");
        var escalation = new Escalation
        {
            ChildId = start.ChildId,
            RaisedByOfficerId = start.RaisedByOfficerId,
            RaisedOn = start.FirstStage.RaisedOn!.Value,
            Concern = ReviewTextLimits.Normalise(start.Concern!),
            ActionRequested = ReviewTextLimits.Normalise(start.ActionRequested!),
            ReviewDecisionId = start.ReviewDecisionId,
            Themes = start.Themes.Select(t => options.Theme(t)!.Key).Distinct().Select(k => new EscalationThemeTag { Key = k }).ToList(),
        };
        escalation.AddStage(start.FirstStage, options, calendar);
        return escalation;
    }

    public IReadOnlyList<ReviewProblem> ResponseProblems(DateOnly? respondedOn, string? response, DateOnly today)
    {
        var problems = new ReviewProblems();
        var stage = CurrentStage;
        if (!IsOpen || stage is null) problems.Add("", "This escalation is closed");
        problems.Require(nameof(EscalationStage.RespondedOn), respondedOn, "Enter the date of the response");
        if (respondedOn is { } on && stage is not null)
            problems.Add(nameof(EscalationStage.RespondedOn), DateProblem(on, stage.RaisedOn, today, "The response"));
        problems.RequireText(nameof(EscalationStage.Response), response, "Enter the response");
        problems.Limit(nameof(EscalationStage.Response), response, EscalationTextLimits.Response, "The response");
        return problems;
    }

    /// <summary>Records the response to the current stage.</summary>
    public void RecordResponse(DateOnly respondedOn, string response, DateOnly today)
    {
        ReviewProblems.EnsureNone(ResponseProblems(respondedOn, response, today), "answered");
        var stage = CurrentStage!;
        stage.RespondedOn = respondedOn;
        stage.Response = ReviewTextLimits.Normalise(response);
    }

    /// <summary>Problems with taking the escalation to <paramref name="next"/>, which must be a higher level.</summary>
    public IReadOnlyList<ReviewProblem> NextStageProblems(StageAddressee next, EscalationOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ReviewProblems();
        var stage = CurrentStage;
        if (!IsOpen || stage is null) problems.Add("", "This escalation is closed");
        AddAddresseeProblems(problems, next, options, today, stage?.RaisedOn);
        if (stage is not null && options.Level(next.Level) is not null && options.RankOf(next.Level) <= options.RankOf(stage.Level))
            problems.Add(nameof(next.Level), "Select a level above the current one");
        return problems;
    }

    /// <summary>
    /// Takes the escalation to a higher level: "escalated" when it is the next level up, "bypassed" when it
    /// skips one or more.
    /// </summary>
    public void MoveTo(StageAddressee next, EscalationOptions options, IWorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        ReviewProblems.EnsureNone(NextStageProblems(next, options, today), "escalated");
        var current = CurrentStage!;
        current.NextStep = options.RankOf(next.Level) == options.RankOf(current.Level) + 1 ? StageNextStep.Escalated : StageNextStep.Bypassed;
        AddStage(next, options, calendar);
    }

    public IReadOnlyList<ReviewProblem> ResolutionProblems(EscalationOutcome? outcome, DateOnly? resolvedOn, string? note, DateOnly today)
    {
        var problems = new ReviewProblems();
        if (!IsOpen) problems.Add("", "This escalation is already closed");
        problems.Require(nameof(Outcome), outcome, "Select the outcome");
        if (outcome is { } o && !Enum.IsDefined(o)) problems.Add(nameof(Outcome), "Select the outcome");
        problems.Require(nameof(ResolvedOn), resolvedOn, "Enter the date it was resolved");
        if (resolvedOn is { } on) problems.Add(nameof(ResolvedOn), DateProblem(on, CurrentStage?.RaisedOn ?? RaisedOn, today, "The resolution"));
        problems.Limit(nameof(ResolutionNote), note, EscalationTextLimits.ResolutionNote, "The note");
        return problems;
    }

    /// <summary>Closes the escalation at its current stage.</summary>
    public void Resolve(EscalationOutcome outcome, DateOnly resolvedOn, string? note, DateOnly today)
    {
        ReviewProblems.EnsureNone(ResolutionProblems(outcome, resolvedOn, note, today), "resolved");
        Outcome = outcome;
        ResolvedOn = resolvedOn;
        ResolutionNote = string.IsNullOrWhiteSpace(note) ? null : ReviewTextLimits.Normalise(note);
        CurrentStage!.NextStep = StageNextStep.Resolved;
    }

    public IReadOnlyList<ReviewProblem> CafcassProblems(DateOnly? referredOn, string? reason, DateOnly today)
    {
        var problems = new ReviewProblems();
        if (CafcassReferredOn is not null) problems.Add("", "A Cafcass referral is already recorded");
        problems.Require(nameof(CafcassReferredOn), referredOn, "Enter the date of the referral");
        if (referredOn is { } on && on > today) problems.Add(nameof(CafcassReferredOn), "The date of the referral must be today or in the past");
        problems.RequireText(nameof(CafcassReason), reason, "Enter the reason for the referral");
        problems.Limit(nameof(CafcassReason), reason, EscalationTextLimits.CafcassReason, "The reason");
        return problems;
    }

    /// <summary>Records a referral to Cafcass, which can be made at any time, open or closed (Children Act 1989 s25B(3)).</summary>
    public void ReferToCafcass(DateOnly referredOn, string reason, DateOnly today)
    {
        ReviewProblems.EnsureNone(CafcassProblems(referredOn, reason, today), "referred");
        CafcassReferredOn = referredOn;
        CafcassReason = ReviewTextLimits.Normalise(reason);
    }

    private void AddStage(StageAddressee addressee, EscalationOptions options, IWorkingDayCalendar calendar)
    {
        var level = options.Level(addressee.Level)!;
        var raisedOn = addressee.RaisedOn!.Value;
        Stages.Add(new EscalationStage
        {
            Sequence = Stages.Count + 1,
            Level = level.Key,
            RecipientName = ReviewTextLimits.Normalise(addressee.RecipientName!),
            RecipientRole = string.IsNullOrWhiteSpace(addressee.RecipientRole) ? level.Recipient : ReviewTextLimits.Normalise(addressee.RecipientRole),
            RaisedOn = raisedOn,
            ResponseDueOn = calendar.AddWorkingDays(raisedOn, level.WorkingDays),
        });
    }

    private static void AddAddresseeProblems(ReviewProblems problems, StageAddressee addressee, EscalationOptions options, DateOnly today, DateOnly? earliest)
    {
        problems.RequireText(nameof(addressee.Level), addressee.Level, "Select the level");
        if (!string.IsNullOrWhiteSpace(addressee.Level) && options.Level(addressee.Level) is null) problems.Add(nameof(addressee.Level), "Select a level from the list");
        problems.RequireText(nameof(addressee.RecipientName), addressee.RecipientName, "Enter who it is addressed to");
        problems.Limit(nameof(addressee.RecipientName), addressee.RecipientName, EscalationTextLimits.Name, "The name");
        problems.Limit(nameof(addressee.RecipientRole), addressee.RecipientRole, EscalationTextLimits.Role, "The role");
        problems.Require(nameof(addressee.RaisedOn), addressee.RaisedOn, "Enter the date it was raised");
        if (addressee.RaisedOn is { } on) problems.Add(nameof(addressee.RaisedOn), DateProblem(on, earliest, today, "The date raised"));
    }

    private static string? DateProblem(DateOnly on, DateOnly? earliest, DateOnly today, string what) =>
        on > today ? $"{what} must be today or in the past"
        : on < earliest ? $"{what} must be on or after {earliest.Value:d MMMM yyyy}"
        : null;
}
