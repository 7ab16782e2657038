using Iro.Domain.Children;
using Iro.Domain.Timetable;

namespace Iro.Domain.Voice;

/// <summary>Where a missing episode's return home interview stands.</summary>
public enum InterviewStatus { StillMissing, Awaiting, Declined, InTime, Late }

/// <summary>
/// The return home interview figures for a set of episodes: children missing, episodes, episodes that ended
/// (the child returned), interviews completed within 72 hours of the return, and their share of the returns as a
/// percentage to one decimal place (null when no child returned).
/// </summary>
public sealed record MissingFigures(int Children, int Episodes, int Returns, int InterviewsWithin72Hours, decimal? PercentWithin72Hours);

/// <summary>Return home interviews after missing episodes, judged by <see cref="ReturnInterviewWindow"/>.</summary>
public static class ReturnInterviews
{
    public static InterviewStatus StatusOf(MissingEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        if (episode.End is not { } returnedOn) return InterviewStatus.StillMissing;
        if (episode.InterviewCompletedOn is { } on)
            return ReturnInterviewWindow.IsWithin(returnedOn, episode.ReturnTime, on, episode.InterviewCompletedTime) ? InterviewStatus.InTime : InterviewStatus.Late;
        return episode.InterviewDeclined == true ? InterviewStatus.Declined : InterviewStatus.Awaiting;
    }

    /// <summary>Whether the interview was offered within 72 hours of the return; null when none was offered.</summary>
    public static bool? OfferedInTime(MissingEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return episode is { End: { } returnedOn, InterviewOfferedOn: { } on }
            ? ReturnInterviewWindow.IsWithin(returnedOn, episode.ReturnTime, on, episode.InterviewOfferedTime)
            : null;
    }

    public static MissingFigures FiguresFor(IReadOnlyCollection<MissingEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var returns = episodes.Count(e => e.End is not null);
        var within = episodes.Count(e => StatusOf(e) == InterviewStatus.InTime);
        return new MissingFigures(
            episodes.Select(e => e.ChildId).Distinct().Count(), episodes.Count, returns, within, Percent(within, returns));
    }

    /// <summary>A share as a percentage to one decimal place, rounded half up; null for no denominator.</summary>
    public static decimal? Percent(int numerator, int denominator) =>
        denominator == 0 ? null : Timeliness.Percent(numerator, denominator);
}
