using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;

namespace Iro.Domain.Drift;

/// <summary>
/// The drift rules (issue 12 item 7; docs/drift.md): for one child and a day, the problems that need the IRO's
/// attention now. Pure functions over the child's data; each rule reuses the definition its own feature uses.
/// </summary>
public static class DriftRules
{
    /// <summary>Moves, and changes of social worker, in 12 months that are flagged.</summary>
    public const int InstabilityFlagAt = 3;

    /// <summary>A connected person's temporary approval lasts 16 weeks unless extended (CPPCR reg 24).</summary>
    public const int TemporaryApprovalWeeks = 16;

    /// <summary>An independent visitor should be matched within 3 months of the need being identified (local practice).</summary>
    public const int VisitorMatchMonths = 3;

    /// <summary>Eligible children have a needs assessment and pathway plan within 3 months of their 16th birthday.</summary>
    public const int LeavingCareMonthsAfter16 = 3;

    /// <summary>Eligible: looked after at least 13 weeks since the 14th birthday (CPPCR reg 40).</summary>
    public const int EligibleWeeks = 13;

    /// <summary>Every problem for the child on <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<DriftItem> Evaluate(DriftInput child, DriftSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(settings);
        var timetable = ReviewTimetable.Compute(
            child.Episodes, [.. child.Reviews.Select(r => r.HeldOn)], settings.Calendar, settings.Timetable, settings.HistoryStartsOn);
        var items = new List<DriftItem>();
        items.AddRange(ReviewOverdue(timetable, today));
        items.AddRange(Actionable(DecisionsOverdue(child, today), settings));
        items.AddRange(Actionable(MidwayOverdue(child, timetable, settings, today), settings));
        items.AddRange(Actionable(RecordsLate(child, settings, today), settings));
        items.AddRange(Actionable(ReturnInterviewsMissed(child.Missing, today), settings));
        items.AddRange(PlacementMovesFlag(child.Episodes, today));
        items.AddRange(SocialWorkerChangesFlag(child.SocialWorkers, today));
        items.AddRange(SdqMissing(child, today));
        items.AddRange(LeavingCareNotInPlace(child, today));
        items.AddRange(ConnectedPersonPastEnd(child.ConnectedPersons, today));
        items.AddRange(SecureWithoutAdvocacy(child.Episodes, child.Advocacy, today));
        items.AddRange(VisitorNotMatched(child.Visitors, today));
        return [.. items.OrderBy(i => i.DueOn).ThenBy(i => i.Rule, StringComparer.Ordinal)];
    }

    private static IEnumerable<DriftItem> Actionable(IEnumerable<DriftItem> items, DriftSettings settings) =>
        items.Where(i => i.DueOn >= settings.ActionableFrom);

    /// <summary>The timetable's own definition: looked after today and the next review's due date has passed.</summary>
    public static IEnumerable<DriftItem> ReviewOverdue(ChildTimetable timetable, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        if (timetable.IsOverdueOn(today) && timetable.DueDateOn(today) is { } due)
            yield return new DriftItem(DriftRuleKeys.ReviewOverdue, due, $"Review due {Format(due)}");
    }

    /// <summary>Open decisions past their date (<see cref="ReviewRules.IsOverdue"/>).</summary>
    public static IEnumerable<DriftItem> DecisionsOverdue(DriftInput child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        return child.Decisions.Where(d => ReviewRules.IsOverdue(d.Status, d.DueBy, today))
            .Select(d => new DriftItem(DriftRuleKeys.DecisionOverdue, d.DueBy, $"Decision: {d.What}", d.Id, d.ReviewId));
    }

    /// <summary>
    /// The oversight definition: the midway date between the last held review and the next due date has passed
    /// with no midway review since the last review (<see cref="ReviewRules.MidwayOverdue"/>).
    /// </summary>
    public static IEnumerable<DriftItem> MidwayOverdue(DriftInput child, ChildTimetable timetable, DriftSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(timetable);
        ArgumentNullException.ThrowIfNull(settings);
        if (child.Reviews.Count == 0 || timetable.NextDueDate is not { } next) yield break;
        var last = child.Reviews.Max(r => r.HeldOn);
        if (next <= last) yield break;
        var midway = ReviewRules.MidwayDue(last, next, settings.Reviews.MidwayReviewFraction);
        DateOnly? lastMidway = child.MidwayReviews.Count == 0 ? null : child.MidwayReviews.Max();
        if (ReviewRules.MidwayOverdue(midway, last, lastMidway, today))
            yield return new DriftItem(DriftRuleKeys.MidwayOverdue, midway, $"Review held {Format(last)}");
    }

    /// <summary>Held reviews whose record is not issued and whose deadline has passed (<see cref="ReviewRules.RecordDeadline"/>).</summary>
    public static IEnumerable<DriftItem> RecordsLate(DriftInput child, DriftSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var review in child.Reviews.Where(r => r.RecordIssuedOn is null))
        {
            var deadline = ReviewRules.RecordDeadline(review.HeldOn, null, today, settings.Calendar, settings.Reviews);
            if (deadline.State == DeadlineState.Overdue)
                yield return new DriftItem(DriftRuleKeys.RecordLate, deadline.DueOn, $"Review held {Format(review.HeldOn)}", review.Id, review.Id);
        }
    }

    /// <summary>
    /// Episodes the child has returned from whose 72-hour window (<see cref="ReturnInterviewWindow"/>) has passed
    /// with no interview completed, and no interview offered in time and declined. A late interview clears the
    /// item (there is nothing left to put right); the voice summary counts it as not within 72 hours.
    /// </summary>
    public static IEnumerable<DriftItem> ReturnInterviewsMissed(IEnumerable<MissingEpisode> episodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        foreach (var e in episodes)
        {
            if (e.End is not { } returned || e.InterviewCompletedOn is not null) continue;
            if (e.InterviewDeclined == true && ReturnInterviewWindow.IsWithin(returned, e.ReturnTime, e.InterviewOfferedOn, e.InterviewOfferedTime)) continue;
            var deadline = DateOnly.FromDateTime(ReturnInterviewWindow.DeadlineFor(returned, e.ReturnTime));
            if (today > deadline)
                yield return new DriftItem(DriftRuleKeys.ReturnInterview, deadline, $"Missing {Format(e.Start)} to {Format(returned)}", e.Id);
        }
    }

    /// <summary>
    /// 3 or more placement moves in the 12 months to today (<see cref="PlacementMoves"/>); due on the third of
    /// those moves, from which day the count has been 3 or more throughout.
    /// </summary>
    public static IEnumerable<DriftItem> PlacementMovesFlag(IEnumerable<CareEpisode> episodes, DateOnly today)
    {
        var moves = InYearTo(PlacementMoves.MoveDates(episodes), today);
        if (moves.Count >= InstabilityFlagAt)
            yield return new DriftItem(DriftRuleKeys.PlacementMoves, moves[InstabilityFlagAt - 1], $"{moves.Count} moves since {Format(moves[0])}");
    }

    /// <summary>
    /// 3 or more changes of social worker in the 12 months to today (<see cref="SocialWorkerChanges"/>: the first
    /// worker is not a change, so this is 4 or more workers, the measure the stability index uses); due on the third change.
    /// </summary>
    public static IEnumerable<DriftItem> SocialWorkerChangesFlag(IEnumerable<SocialWorkerAssignment> assignments, DateOnly today)
    {
        var changes = InYearTo(SocialWorkerChanges.ChangeDates(assignments), today);
        if (changes.Count >= SocialWorkerChanges.FlagAt)
            yield return new DriftItem(DriftRuleKeys.SocialWorkers, changes[SocialWorkerChanges.FlagAt - 1], $"{changes.Count} changes since {Format(changes[0])}");
    }

    private static List<DateOnly> InYearTo(IEnumerable<DateOnly> dates, DateOnly today) =>
        [.. dates.Where(d => d > today.AddYears(-1) && d <= today).Order()];

    /// <summary>
    /// SDQ (statutory-rules section 10: at least yearly) for a child aged 4 to 16 today in a period of full care
    /// that has lasted 12 months or more. Due 12 months after the period started, then every 12 months; the latest
    /// due date is met by a score returned for a collection year (1 April to 31 March) ending no more than 12 months
    /// before it, or any later year.
    /// </summary>
    public static IEnumerable<DriftItem> SdqMissing(DriftInput child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        var age = Child.AgeOn(child.DateOfBirth, today);
        if (age is < 4 or > 16) yield break;
        var period = PeriodsOfCare.From(child.Episodes).LastOrDefault(p => !p.IsShortBreakSeries && p.Covers(today));
        if (period is null || period.Start.AddYears(1) > today) yield break;
        var years = Child.AgeOn(period.Start, today);
        var due = period.Start.AddYears(years);
        var met = child.Health.Any(h => !string.IsNullOrWhiteSpace(h.SdqScore) && h.YearStart.AddYears(1).AddDays(-1) >= due.AddYears(-1));
        if (!met) yield return new DriftItem(DriftRuleKeys.SdqMissing, due, $"Looked after since {Format(period.Start)}");
    }

    /// <summary>
    /// An eligible child (looked after 13 weeks or more in total since the 14th birthday, and looked after on or
    /// after the 16th birthday) without both a needs assessment and a pathway plan 3 months after the 16th
    /// birthday, or after the day they became eligible when later. Up to the 18th birthday.
    /// </summary>
    public static IEnumerable<DriftItem> LeavingCareNotInPlace(DriftInput child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.NeedsAssessmentOn is not null && child.PathwayPlanOn is not null) yield break;
        var sixteen = child.DateOfBirth.AddYears(16);
        if (today < sixteen || today >= child.DateOfBirth.AddYears(18)) yield break;
        if (EligibleOn(child.Episodes, child.DateOfBirth, today) is not { } eligible) yield break;
        var due = (eligible > sixteen ? eligible : sixteen).AddMonths(LeavingCareMonthsAfter16);
        if (today > due)
        {
            var missing = child.NeedsAssessmentOn is null && child.PathwayPlanOn is null ? "needs assessment and pathway plan"
                : child.NeedsAssessmentOn is null ? "needs assessment" : "pathway plan";
            yield return new DriftItem(DriftRuleKeys.LeavingCare, due, $"No {missing}; 16 on {Format(sixteen)}");
        }
    }

    /// <summary>
    /// The day a child became eligible up to <paramref name="today"/>: the day the 13th week of care since the 14th
    /// birthday was completed, provided they were looked after on or after their 16th birthday; null when not eligible.
    /// </summary>
    public static DateOnly? EligibleOn(IEnumerable<CareEpisode> episodes, DateOnly dateOfBirth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var fourteen = dateOfBirth.AddYears(14);
        var sixteen = dateOfBirth.AddYears(16);
        var spans = episodes.Where(e => !PeriodsOfCare.IsShortBreak(e))
            .Select(e => (From: e.Start > fourteen ? e.Start : fourteen, To: e.End is { } end && end < today ? end : today))
            .Where(s => s.To >= s.From).OrderBy(s => s.From).ToList();
        if (!spans.Any(s => s.To >= sixteen)) return null;
        var needed = EligibleWeeks * 7;
        var counted = 0;
        var coveredTo = DateOnly.MinValue;
        foreach (var (from, to) in spans)
        {
            var start = from > coveredTo ? from : coveredTo.AddDays(1);
            if (start > to) continue;
            var days = to.DayNumber - start.DayNumber + 1;
            if (counted + days >= needed) return start.AddDays(needed - counted - 1);
            counted += days;
            coveredTo = to;
        }

        return null;
    }

    /// <summary>A temporary approval not ended after 16 weeks from approval, or after its extension.</summary>
    public static IEnumerable<DriftItem> ConnectedPersonPastEnd(IEnumerable<ConnectedPersonApproval> approvals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        foreach (var a in approvals.Where(a => a.EndedOn is null))
        {
            var lapses = a.ExtendedTo ?? a.ApprovedOn.AddDays(7 * TemporaryApprovalWeeks);
            if (today > lapses)
                yield return new DriftItem(DriftRuleKeys.ConnectedPerson, lapses, $"Approved {Format(a.ApprovedOn)}{(a.ExtendedTo is null ? "" : $", extended to {Format(lapses)}")}", a.Id);
        }
    }

    /// <summary>In secure accommodation today with no open advocacy referral (<see cref="SecureAccommodation.LacksAdvocacy"/>); due from the secure placement's start.</summary>
    public static IEnumerable<DriftItem> SecureWithoutAdvocacy(IEnumerable<CareEpisode> episodes, IEnumerable<AdvocacyReferral> referrals, DateOnly today)
    {
        var list = episodes.ToList();
        if (!SecureAccommodation.LacksAdvocacy(list, referrals, today)) yield break;
        var secure = list.Where(SecureAccommodation.IsSecure).Where(e => e.Start <= today && (e.End is null || e.End > today)).Min(e => e.Start);
        yield return new DriftItem(DriftRuleKeys.SecureWithoutAdvocacy, secure, $"Placed in secure accommodation {Format(secure)}");
    }

    /// <summary>A need for an independent visitor identified more than 3 months ago, not matched and not ended.</summary>
    public static IEnumerable<DriftItem> VisitorNotMatched(IEnumerable<IndependentVisitor> visitors, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        foreach (var v in visitors.Where(v => !v.IsDeleted && v.MatchedOn is null && v.EndedOn is null))
        {
            var due = v.NeededOn.AddMonths(VisitorMatchMonths);
            if (today > due)
                yield return new DriftItem(DriftRuleKeys.IndependentVisitor, due, $"Need identified {Format(v.NeededOn)}", v.Id);
        }
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
