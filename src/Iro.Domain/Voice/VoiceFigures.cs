using Iro.Domain.Children;
using Iro.Domain.Timetable;

namespace Iro.Domain.Voice;

/// <summary>A count under a key (an advocacy source or a configured reason).</summary>
public sealed record VoiceCount(string Key, int Count);

/// <summary>Advocacy referrals in a reporting year.</summary>
public sealed record AdvocacyFigures(
    int ChildrenReferred,
    int PreviousYearChildrenReferred,
    int Referrals,
    int LookedAfterAtEnd,
    IReadOnlyList<VoiceCount> BySource,
    IReadOnlyList<VoiceCount> ByReason,
    decimal Hours)
{
    /// <summary>Children referred ÷ children looked after at 31 March × 100, one decimal, half up.</summary>
    public decimal PercentOfLookedAfterAtEnd => Timeliness.Percent(ChildrenReferred, LookedAfterAtEnd);
}

public sealed record VisitorFigures(int ChildrenWithVisitor, int Waiting);

public sealed record PlacementMoveFigures(int Moves, int Consulted);

/// <summary>Consultation returns received in the year and their answers to "is your life getting better".</summary>
public sealed record FeedbackFigures(int Responses, int Yes, int No, int NotSure)
{
    /// <summary>Yes ÷ (yes + no + not sure) × 100: returns that left the question blank are not in it.</summary>
    public decimal PercentYes => Timeliness.Percent(Yes, Yes + No + NotSure);
}

public sealed record AuditQuestionFigures(string Key, int Yes, int No)
{
    public decimal PercentYes => Timeliness.Percent(Yes, Yes + No);
}

public sealed record AuditFigures(int Audits, IReadOnlyList<AuditQuestionFigures> Questions);

/// <summary>The child's-voice figures for one reporting year (the annual report's sections on advocacy to audits).</summary>
public sealed record VoiceFigures(
    ReportingYear Year,
    AdvocacyFigures Advocacy,
    VisitorFigures IndependentVisitors,
    MissingFigures Missing,
    PlacementMoveFigures PlacementMoves,
    FeedbackFigures Feedback,
    AuditFigures Audits);

/// <summary>A placement move of a child on a date (<see cref="PlacementMoves.MoveDates"/>).</summary>
public sealed record PlacementMove(int ChildId, DateOnly MovedOn);

/// <summary>
/// What the figures are counted from. Records outside the year may be included: the counting picks the year's.
/// <see cref="LookedAfterAtEnd"/> is counted by the caller with the one looked-after rule (CareRules).
/// </summary>
public sealed record VoiceRecords(
    IReadOnlyCollection<AdvocacyReferral> Referrals,
    int LookedAfterAtEnd,
    IReadOnlyCollection<IndependentVisitor> Visitors,
    IReadOnlyCollection<MissingEpisode> MissingEpisodes,
    IReadOnlyCollection<PlacementMove> Moves,
    IReadOnlyCollection<PlacementMoveRecord> MoveRecords,
    IReadOnlyCollection<FeedbackReturn> Feedback,
    IReadOnlyCollection<FileAudit> Audits);
