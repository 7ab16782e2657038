using Iro.Domain.Calendar;

namespace Iro.Domain.Escalations;

/// <summary>
/// The clocks of an escalation: each stage's response date, and the total for the formal process, counted in
/// working days from the first formal stage (IRO Handbook 6.2: "no more than 20 working days" in total).
/// </summary>
public static class EscalationClock
{
    /// <summary>A stage's response clock. It is met by a response, or by moving on or resolving without one.</summary>
    public static Deadline Stage(Escalation escalation, EscalationStage stage, EscalationOptions options, IWorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var deadline = new WorkingDayDeadline(stage.RaisedOn, options.Level(stage.Level)?.WorkingDays ?? 0, stage.ResponseDueOn,
            options.DueSoonWorkingDays == 0 ? null : calendar.AddWorkingDays(stage.ResponseDueOn, -options.DueSoonWorkingDays));
        return deadline.JudgedOn(today, StageEndedOn(escalation, stage));
    }

    /// <summary>The total clock from the first formal stage to resolution; null while only informal stages were raised.</summary>
    public static Deadline? Total(Escalation escalation, EscalationOptions options, IWorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(options);
        var firstFormal = escalation.Stages.OrderBy(s => s.Sequence).FirstOrDefault(s => options.Level(s.Level)?.Formal ?? true);
        if (firstFormal is null) return null;
        return WorkingDayDeadline.Counting(firstFormal.RaisedOn, options.TotalWorkingDays, calendar, options.DueSoonWorkingDays)
            .JudgedOn(today, escalation.ResolvedOn);
    }

    /// <summary>
    /// Working days from raising to resolution: those after the raising date up to and including the
    /// resolution date, so 0 when resolved the same day. Null while open.
    /// </summary>
    public static int? WorkingDaysToResolve(Escalation escalation, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(calendar);
        return escalation.ResolvedOn is { } resolved ? calendar.WorkingDaysBetween(escalation.RaisedOn, resolved) : null;
    }

    /// <summary>The highest configured level any stage reached.</summary>
    public static string? HighestLevel(Escalation escalation, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(options);
        return escalation.Stages.OrderByDescending(s => options.RankOf(s.Level)).Select(s => s.Level).FirstOrDefault();
    }

    /// <summary>The level of the stage at which it was resolved; null while open.</summary>
    public static string? ResolvedAtLevel(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return escalation.IsOpen ? null : escalation.CurrentStage?.Level;
    }

    private static DateOnly? StageEndedOn(Escalation escalation, EscalationStage stage)
    {
        if (stage.RespondedOn is { } responded) return responded;
        var next = escalation.Stages.Where(s => s.Sequence > stage.Sequence).OrderBy(s => s.Sequence).FirstOrDefault();
        return next?.RaisedOn ?? (stage.NextStep == StageNextStep.Resolved ? escalation.ResolvedOn : null);
    }
}
