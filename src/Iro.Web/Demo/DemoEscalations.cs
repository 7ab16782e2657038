using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;

namespace Iro.Web.Demo;

/// <summary>
/// The demo borough's escalations: about 5 for every 100 reviews held in each reporting year of the history
/// and the current one, each raised by the child's IRO on a working day the child was looked after, with
/// themes spread, most resolved within a stage or two with a realistic mix of outcomes, some escalated or
/// bypassed, one Cafcass referral, and the latest still open (some overdue at the as-of date). It draws from
/// its own random sequence, so the rest of the borough is the same as without it.
/// </summary>
internal sealed class DemoEscalations(int seed, DateOnly asOf, DateOnly historyStart)
{
    /// <summary>Escalations per review held (the Brent report: 47 escalations for about 900 reviews a year).</summary>
    public const double PerReviewHeld = 0.05;

    private static readonly EscalationOptions Options = new();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private readonly Random _random = new(unchecked(seed * 7919 + 104_729));

    private static readonly (string Theme, int Weight, string Concern, string Action)[] ThemeMix =
    [
        ("Paperwork", 14, "The care plan was not updated before the review and the review minutes have not been circulated.", "Update the care plan and circulate the minutes within 5 working days."),
        ("Sdq", 12, "The Strengths and Difficulties Questionnaire has not been completed this year.", "Complete the SDQ and share the score before the next review."),
        ("FamilyContact", 12, "Contact with the child's siblings agreed at the last review has not been arranged.", "Arrange sibling contact as agreed and confirm the dates."),
        ("SocialWorker", 10, "The child has had no allocated social worker for over a month.", "Allocate a social worker and tell the child who it is."),
        ("Placement", 10, "The placement plan has not been agreed and the carers have not been given it.", "Agree the placement plan with the carers."),
        ("Education", 8, "The personal education plan is out of date and the school place is not confirmed.", "Hold the PEP meeting and confirm the school place."),
        ("Health", 8, "The review health assessment is overdue.", "Book the review health assessment."),
        ("ConnectedPersonAssessment", 6, "The connected-person assessment has gone beyond 16 weeks.", "Complete the regulation 24 assessment and present it to panel."),
        ("Other", 4, "The decision of the last review has not been acted on.", "Act on the review decision and report back."),
    ];

    private static readonly (string Theme, int Weight, string Concern, string Action)[] OlderChildMix =
    [
        ("SemiIndependence", 10, "There is no plan for the young person's move to semi-independent accommodation.", "Agree the move and the housing support in the pathway plan."),
    ];

    private static readonly (string Theme, int Weight, string Concern, string Action)[] UnaccompaniedMix =
    [
        ("UascTransfer", 30, "The transfer under the National Transfer Scheme has stalled.", "Confirm the receiving authority and the transfer date."),
        ("AgeAssessment", 20, "The age assessment has been delayed for several months.", "Complete the age assessment and share the outcome."),
    ];

    private static readonly (EscalationOutcome Outcome, int Weight)[] OutcomeMix =
    [
        (EscalationOutcome.Resolved, 62), (EscalationOutcome.Compromise, 20), (EscalationOutcome.DifferenceAcknowledged, 11), (EscalationOutcome.Withdrawn, 7),
    ];

    /// <summary>The chance an escalation is settled at each level, lowest first, once the response is in.</summary>
    private static readonly double[] ResolvedAtRank = [0.55, 0.7, 0.8, 0.9, 0.95];

    private static readonly Dictionary<string, string[]> Recipients = new(StringComparer.Ordinal)
    {
        ["TeamManager"] = ["Claire Donovan", "Marcus Webb", "Priya Shah", "Ruth Ellison"],
        ["ServiceManager"] = ["Angela Moore", "Daniel Frost"],
        ["HeadOfService"] = ["Susan Kerr"],
        ["OperationalDirector"] = ["Graham Oduya"],
        ["Director"] = ["Margaret Lyall"],
    };

    public IReadOnlyList<Escalation> Generate(IReadOnlyList<Child> children)
    {
        var escalations = new List<Escalation>();
        for (var year = ReportingYear.Containing(historyStart); year.Start <= asOf; year = new ReportingYear(year.StartYear + 1))
        {
            var lastDay = year.End < asOf ? year.End : asOf;
            var held = children.Sum(c => c.Reviews.Held().Count(r => r.HeldOn >= year.Start && r.HeldOn <= lastDay));
            var count = (int)Math.Round(held * PerReviewHeld, MidpointRounding.AwayFromZero);
            var raisedOn = Enumerable.Range(0, count).Select(_ => year.Start.AddDays(_random.Next(lastDay.DayNumber - year.Start.DayNumber + 1))).Order();
            foreach (var day in raisedOn)
            {
                if (Raise(children, NextWorkingDay(day), responseLikely: true) is { } escalation) escalations.Add(escalation);
            }
        }

        // Two still waiting for a response well past their due date, so the clocks show overdue at the as-of date.
        foreach (var workingDaysAgo in new[] { 9, 14 })
        {
            if (Raise(children, Calendar.AddWorkingDays(asOf, -workingDaysAgo), responseLikely: false) is { } stalled) escalations.Add(stalled);
        }

        ReferOneToCafcass(escalations);
        return escalations;
    }

    private Escalation? Raise(IReadOnlyList<Child> children, DateOnly raisedOn, bool responseLikely)
    {
        if (raisedOn > asOf) return null;
        var candidates = children.Where(c => c.IsLookedAfterOn(raisedOn) && c.IroAllocations.Any(a => a.IsCurrentOn(raisedOn))).ToList();
        if (candidates.Count == 0) return null;
        var child = candidates[_random.Next(candidates.Count)];
        var officer = child.IroAllocations.Last(a => a.IsCurrentOn(raisedOn)).ReviewingOfficer!;
        var themes = PickThemes(child, raisedOn);
        var first = PickWeighted([("Informal", 45), ("TeamManager", 40), ("ServiceManager", 15)]);
        var escalation = Escalation.Start(
            new EscalationStart(0, 0, string.Join(" ", themes.Select(t => t.Concern)), string.Join(" ", themes.Select(t => t.Action)),
                [.. themes.Select(t => t.Theme)], Addressee(first, raisedOn, child)),
            Options, Calendar, asOf);
        escalation.Child = child;
        escalation.RaisedByOfficer = officer;
        escalation.CreatedByName = officer.Name;
        if (responseLikely) RunStages(escalation, child);
        return escalation;
    }

    /// <summary>Responses, then resolution at this level (most often) or a move up, one level or past several.</summary>
    private void RunStages(Escalation escalation, Child child)
    {
        while (true)
        {
            var stage = escalation.CurrentStage!;
            // Most answer within the five working days; about one in five is late.
            var respondedOn = Calendar.AddWorkingDays(stage.RaisedOn, _random.NextDouble() < 0.8 ? _random.Next(1, 6) : _random.Next(6, 12));
            if (respondedOn > asOf) return;
            escalation.RecordResponse(respondedOn, "The team has looked into this and replied to the IRO with a plan and dates.", asOf);

            // Most are settled low down; few reach the directors (Brent 2017/18: 2 of 47 at operational director).
            var rank = Options.RankOf(stage.Level);
            var top = Options.EffectiveLevels.Count - 1;
            var resolveHere = rank == top || _random.NextDouble() < ResolvedAtRank[Math.Min(rank, ResolvedAtRank.Length - 1)];
            if (resolveHere)
            {
                var resolvedOn = Calendar.AddWorkingDays(respondedOn, _random.Next(0, 3));
                if (resolvedOn > asOf) return;
                escalation.Resolve(PickWeighted(OutcomeMix), resolvedOn, null, asOf);
                return;
            }

            // A few go straight past the next level (bypassed), never beyond the head of service.
            var step = rank + 2 <= Options.RankOf("HeadOfService") && _random.NextDouble() < 0.2 ? 2 : 1;
            var nextLevel = Options.EffectiveLevels[Math.Min(top, rank + step)].Key;
            var movedOn = Calendar.AddWorkingDays(respondedOn, _random.Next(1, 3));
            if (movedOn > asOf) return;
            escalation.MoveTo(Addressee(nextLevel, movedOn, child), Options, Calendar, asOf);
        }
    }

    /// <summary>One referral, in the last complete reporting year: the escalation that went highest there.</summary>
    private void ReferOneToCafcass(List<Escalation> escalations)
    {
        var lastComplete = new ReportingYear(ReportingYear.Containing(asOf).StartYear - 1);
        var referred = escalations
            .Where(e => lastComplete.Contains(e.RaisedOn))
            .OrderByDescending(e => Options.RankOf(EscalationClock.HighestLevel(e, Options)))
            .ThenBy(e => e.RaisedOn)
            .FirstOrDefault();
        if (referred is null) return;
        var referredOn = Calendar.AddWorkingDays(referred.CurrentStage!.RaisedOn, 3);
        if (referredOn > asOf) return;
        referred.ReferToCafcass(referredOn, "The plan for contact with the child's family has drifted despite escalation to senior managers; advice sought from Cafcass.", asOf);
    }

    private StageAddressee Addressee(string level, DateOnly raisedOn, Child child)
    {
        var name = level == "Informal"
            ? child.SocialWorkerAssignments.LastOrDefault(s => s.From <= raisedOn)?.SocialWorkerName ?? "The allocated social worker"
            : Recipients[level][_random.Next(Recipients[level].Length)];
        return new StageAddressee(level, name, null, raisedOn);
    }

    private List<(string Theme, int Weight, string Concern, string Action)> PickThemes(Child child, DateOnly on)
    {
        var mix = ThemeMix.AsEnumerable();
        if (Child.AgeOn(child.DateOfBirth, on) >= 16) mix = mix.Concat(OlderChildMix);
        if (child.IsUnaccompaniedAsylumSeeker) mix = mix.Concat(UnaccompaniedMix);
        var choices = mix.ToList();
        var first = PickWeighted(choices.Select(c => (c, c.Weight)).ToList());
        if (_random.NextDouble() >= 0.25) return [first];
        var second = PickWeighted(choices.Where(c => c.Theme != first.Theme).Select(c => (c, c.Weight)).ToList());
        return [first, second];
    }

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        while (!Calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private T PickWeighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var roll = _random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }

        return items[^1].Item;
    }
}
