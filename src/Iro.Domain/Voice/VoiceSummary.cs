using Iro.Domain.Children;
using Iro.Domain.Timetable;

namespace Iro.Domain.Voice;

/// <summary>
/// The counting rules of the child's-voice figures for a reporting year (1 April to 31 March, both days in the
/// year). "At 31 March" follows the SSDA903 convention: something that ended on 31 March had ended by then.
/// </summary>
public static class VoiceSummary
{
    public static VoiceFigures For(VoiceRecords records, ReportingYear year, VoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        return new VoiceFigures(
            year,
            Advocacy(records.Referrals, records.LookedAfterAtEnd, year, options),
            Visitors(records.Visitors, year),
            Missing(records.MissingEpisodes, year),
            Moves(records.Moves, records.MoveRecords, year),
            Feedback(records.Feedback, year),
            Audits(records.Audits, year, options));
    }

    public static AdvocacyFigures Advocacy(IEnumerable<AdvocacyReferral> referrals, int lookedAfterAtEnd, ReportingYear year, VoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var live = referrals.Where(r => !r.IsDeleted).ToList();
        var inYear = live.Where(r => year.Contains(r.ReferredOn)).ToList();
        var previous = new ReportingYear(year.StartYear - 1);
        var bySource = Enum.GetValues<AdvocacySource>()
            .Select(s => new VoiceCount(s.ToString(), inYear.Count(r => r.Source == s))).ToList();
        // A referral for two reasons counts once under each.
        var byReason = options.EffectiveAdvocacyReasons
            .Select(reason => new VoiceCount(reason.Key, inYear.Count(r => r.Reasons.Contains(reason.Key, StringComparer.OrdinalIgnoreCase)))).ToList();
        return new AdvocacyFigures(
            inYear.Select(r => r.ChildId).Distinct().Count(),
            live.Where(r => previous.Contains(r.ReferredOn)).Select(r => r.ChildId).Distinct().Count(),
            inYear.Count,
            lookedAfterAtEnd,
            bySource,
            byReason,
            inYear.Sum(r => r.Hours ?? 0m));
    }

    /// <summary>Had a visitor at some time in the year: matched on or before 31 March and not ended before 1 April.</summary>
    public static bool HadVisitorIn(IndependentVisitor visitor, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return !visitor.IsDeleted && visitor.MatchedOn is { } matched && matched <= year.End && (visitor.EndedOn is null || visitor.EndedOn >= year.Start);
    }

    /// <summary>Had a visitor on the date: matched by then and the match not ended on or before it.</summary>
    public static bool HasVisitorOn(IndependentVisitor visitor, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return !visitor.IsDeleted && visitor.MatchedOn is { } matched && matched <= on && (visitor.EndedOn is null || visitor.EndedOn > on);
    }

    /// <summary>
    /// A need waiting for a match on the date: identified by then, not matched by then (a match after the date
    /// still leaves it waiting on it) and not closed without a match by then.
    /// </summary>
    public static bool IsWaitingOn(IndependentVisitor need, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(need);
        return !need.IsDeleted && need.NeededOn <= on && (need.MatchedOn is null || need.MatchedOn > on)
            && (need.EndedOn is null || need.EndedOn > on);
    }

    public static VisitorFigures Visitors(IEnumerable<IndependentVisitor> visitors, ReportingYear year)
    {
        var list = visitors.ToList();
        var withVisitorAtEnd = list.Where(v => HasVisitorOn(v, year.End)).Select(v => v.ChildId).ToHashSet();
        return new VisitorFigures(
            list.Where(v => HadVisitorIn(v, year)).Select(v => v.ChildId).Distinct().Count(),
            list.Where(v => IsWaitingOn(v, year.End) && !withVisitorAtEnd.Contains(v.ChildId)).Select(v => v.ChildId).Distinct().Count());
    }

    public static MissingFigures Missing(IEnumerable<MissingEpisode> episodes, ReportingYear year)
    {
        return ReturnInterviews.FiguresFor(episodes.Where(e => year.Contains(e.Start)).ToList());
    }

    public static PlacementMoveFigures Moves(IEnumerable<PlacementMove> moves, IEnumerable<PlacementMoveRecord> records, ReportingYear year)
    {
        var consulted = records.Where(r => r.ConsultedBeforeMove == true).Select(r => (r.ChildId, r.MovedOn)).ToHashSet();
        var inYear = moves.Where(m => year.Contains(m.MovedOn)).Distinct().ToList();
        return new PlacementMoveFigures(inYear.Count, inYear.Count(m => consulted.Contains((m.ChildId, m.MovedOn))));
    }

    public static FeedbackFigures Feedback(IEnumerable<FeedbackReturn> returns, ReportingYear year)
    {
        var inYear = returns.Where(r => !r.IsDeleted && year.Contains(r.ReceivedOn)).ToList();
        return new FeedbackFigures(
            inYear.Count,
            inYear.Count(r => r.LifeGettingBetter == FeedbackAnswer.Yes),
            inYear.Count(r => r.LifeGettingBetter == FeedbackAnswer.No),
            inYear.Count(r => r.LifeGettingBetter == FeedbackAnswer.NotSure));
    }

    public static AuditFigures Audits(IEnumerable<FileAudit> audits, ReportingYear year, VoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inYear = audits.Where(a => year.Contains(a.AuditedOn)).ToList();
        var answers = inYear.SelectMany(a => a.Answers).ToList();
        return new AuditFigures(
            inYear.Count,
            [.. options.EffectiveAuditQuestions.Select(q => new AuditQuestionFigures(
                q.Key,
                answers.Count(a => a.Answer && string.Equals(a.QuestionKey, q.Key, StringComparison.OrdinalIgnoreCase)),
                answers.Count(a => !a.Answer && string.Equals(a.QuestionKey, q.Key, StringComparison.OrdinalIgnoreCase))))]);
    }
}
