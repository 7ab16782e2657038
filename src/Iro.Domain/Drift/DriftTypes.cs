using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;

namespace Iro.Domain.Drift;

/// <summary>
/// One problem that needs the IRO's attention now: the rule it breaks (<see cref="DriftRuleKeys"/>), the date it
/// became due, and the record it came from (<paramref name="Source"/> describes it; <paramref name="SourceId"/>
/// is its id when it is a stored record; <paramref name="ReviewId"/> the review it belongs to, for decisions and records).
/// </summary>
public sealed record DriftItem(string Rule, DateOnly DueOn, string Source, int? SourceId = null, int? ReviewId = null)
{
    /// <summary>Days since it became due (0 on the day).</summary>
    public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - DueOn.DayNumber);
}

/// <summary>A held review as the drift rules read it.</summary>
public sealed record DriftReview(int Id, DateOnly HeldOn, DateOnly? RecordIssuedOn);

/// <summary>A decision of a held review as the drift rules read it.</summary>
public sealed record DriftDecision(int Id, int ReviewId, string What, DateOnly DueBy, DecisionStatus Status);

/// <summary>Everything the drift rules read about one child. Lists may be in any order.</summary>
public sealed class DriftInput
{
    public DateOnly DateOfBirth { get; init; }
    public DateOnly? NeedsAssessmentOn { get; init; }
    public DateOnly? PathwayPlanOn { get; init; }
    public IReadOnlyList<CareEpisode> Episodes { get; init; } = [];

    /// <summary>Held reviews only (<see cref="ReviewQueries.IsHeld"/>).</summary>
    public IReadOnlyList<DriftReview> Reviews { get; init; } = [];

    /// <summary>The decisions of the held reviews, not deleted.</summary>
    public IReadOnlyList<DriftDecision> Decisions { get; init; } = [];

    /// <summary>Dates of midway reviews held, not deleted.</summary>
    public IReadOnlyList<DateOnly> MidwayReviews { get; init; } = [];

    public IReadOnlyList<MissingEpisode> Missing { get; init; } = [];
    public IReadOnlyList<SocialWorkerAssignment> SocialWorkers { get; init; } = [];
    public IReadOnlyList<HealthOutcomes> Health { get; init; } = [];
    public IReadOnlyList<AdvocacyReferral> Advocacy { get; init; } = [];
    public IReadOnlyList<IndependentVisitor> Visitors { get; init; } = [];
    public IReadOnlyList<ConnectedPersonApproval> ConnectedPersons { get; init; } = [];
}

/// <summary>
/// The service settings the rules need: the working-day calendar, the timetable and review options, the date
/// review history starts, and the first day whose event items (decisions, midway reviews, records, return home
/// interviews) are still actionable (<c>OversightOptions.ActionableFrom</c>): older ones are data quality.
/// </summary>
public sealed record DriftSettings(
    IWorkingDayCalendar Calendar, TimetableOptions Timetable, ReviewOptions Reviews, DateOnly? HistoryStartsOn, DateOnly ActionableFrom);
