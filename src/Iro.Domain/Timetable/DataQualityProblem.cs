namespace Iro.Domain.Timetable;

/// <summary>A problem in a child's episodes or reviews that makes the timetable a best effort.</summary>
/// <param name="Code">A stable code from <see cref="DataQualityCodes"/>.</param>
/// <param name="Message">A plain-English explanation for the user.</param>
/// <param name="Date">The date the problem is about, when there is one.</param>
public sealed record DataQualityProblem(string Code, string Message, DateOnly? Date);

/// <summary>The codes of <see cref="DataQualityProblem"/>.</summary>
public static class DataQualityCodes
{
    /// <summary>An episode ends before it starts; the episode is ignored.</summary>
    public const string EpisodeEndsBeforeStart = "EPISODE_END_BEFORE_START";

    /// <summary>An episode starts before the previous one ended; they are treated as one period.</summary>
    public const string EpisodesOverlap = "EPISODES_OVERLAP";

    /// <summary>An open episode is followed by another episode; they are treated as one period.</summary>
    public const string OpenEpisodeFollowed = "OPEN_EPISODE_FOLLOWED";

    /// <summary>A period starts (after a gap, or as the first episode) with an RNE other than S.</summary>
    public const string NewPeriodWithoutS = "NEW_PERIOD_WITHOUT_S";

    /// <summary>RNE S on an episode that continues, on the same day, one that ended with REC X1.</summary>
    public const string StartAfterX1 = "S_AFTER_X1";

    /// <summary>An episode ended with REC X1 but no episode starts that day.</summary>
    public const string X1WithoutNextEpisode = "X1_WITHOUT_NEXT_EPISODE";

    /// <summary>An episode ended with a leaving-care reason, yet the next starts the same day without RNE S.</summary>
    public const string LeftCareButContinued = "LEFT_CARE_BUT_CONTINUED";

    /// <summary>A short-break (V3/V4) episode overlaps a period of full care.</summary>
    public const string ShortBreakDuringCare = "SHORT_BREAK_DURING_CARE";

    /// <summary>A review falls outside every period of care; it is excluded.</summary>
    public const string ReviewOutsidePeriod = "REVIEW_OUTSIDE_PERIOD";

    /// <summary>Two reviews on the same date; one is kept.</summary>
    public const string DuplicateReview = "DUPLICATE_REVIEW";
}
