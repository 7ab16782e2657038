using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable;

/// <summary>
/// Product settings around the timetable, from the same configuration section as <see cref="TimetableOptions"/>
/// ("Timetable"); the statutory parameters themselves stay in the domain's options.
/// </summary>
public sealed class TimetableSettings
{
    /// <summary>The service's target for reviews held on time, as a percentage.</summary>
    public decimal TargetPercent { get; set; } = 95m;

    /// <summary>
    /// The date from which review history is complete (the start of the earliest imported collection year).
    /// Null: the whole history is held.
    /// </summary>
    public DateOnly? HistoryStartsOn { get; set; }
}

/// <summary>Everything the engine needs besides one child's data, resolved once per request or command.</summary>
public sealed record TimetableContext(IWorkingDayCalendar Calendar, TimetableOptions Options, DateOnly? HistoryStartsOn)
{
    public ChildTimetable Compute(IReadOnlyList<CareEpisode> episodes, IReadOnlyList<DateOnly> reviewDates) =>
        ReviewTimetable.Compute(episodes, reviewDates, Calendar, Options, HistoryStartsOn);

    public DueStatus? StatusOn(ChildTimetable timetable, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        return timetable.StatusOn(asOf, Calendar, Options);
    }
}
