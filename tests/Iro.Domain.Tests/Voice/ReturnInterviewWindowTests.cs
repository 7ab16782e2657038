using System.Globalization;
using Iro.Domain.Children;
using Iro.Domain.Voice;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Voice;

public class ReturnInterviewWindowTests
{
    private static TimeOnly? T(string? hhmm) => hhmm is null ? null : TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    // Returned Friday 27 November 2026 at 18:30: 72 hours later is Monday 30 November at 18:30; weekends count.
    [InlineData("2026-11-27", "18:30", "2026-11-30", "18:30", true)]
    [InlineData("2026-11-27", "18:30", "2026-11-30", "18:31", false)]
    [InlineData("2026-11-27", "18:30", "2026-11-28", "10:00", true)]
    // An interview recorded without a time counts at the start of its day: Monday counts, Tuesday does not.
    [InlineData("2026-11-27", "18:30", "2026-11-30", null, true)]
    [InlineData("2026-11-27", "18:30", "2026-12-01", null, false)]
    // Unknown return time: the window runs to the end of the third day after the return date (Monday 23:59:59).
    [InlineData("2026-11-27", null, "2026-11-30", "23:59", true)]
    [InlineData("2026-11-27", null, "2026-12-01", "00:00", false)]
    // Before the return is not an interview about this episode.
    [InlineData("2026-11-27", "18:30", "2026-11-26", "12:00", false)]
    // Across a year end: returned Tuesday 30 December 2025 at 09:00, due by Friday 2 January 2026 at 09:00.
    [InlineData("2025-12-30", "09:00", "2026-01-02", "09:00", true)]
    [InlineData("2025-12-30", "09:00", "2026-01-02", "09:01", false)]
    public void Within_72_hours_of_the_return(string returnedOn, string? returnTime, string on, string? at, bool within)
    {
        Assert.Equal(within, ReturnInterviewWindow.IsWithin(D(returnedOn), T(returnTime), D(on), T(at)));
    }

    [Fact]
    public void No_interview_is_never_within()
    {
        Assert.False(ReturnInterviewWindow.IsWithin(D("2026-11-27"), T("18:30"), null, null));
    }

    [Theory]
    [InlineData("2026-11-27", "18:30", "2026-11-30T18:30:00")]
    [InlineData("2026-11-28", "00:00", "2026-12-01T00:00:00")]
    [InlineData("2026-11-27", null, "2026-11-30T23:59:59.9999999")]
    public void The_deadline(string returnedOn, string? returnTime, string deadline)
    {
        Assert.Equal(DateTime.Parse(deadline, CultureInfo.InvariantCulture), ReturnInterviewWindow.DeadlineFor(D(returnedOn), T(returnTime)));
    }

    [Theory]
    // Returned, interview completed in time / late / not yet / declined; still missing.
    [InlineData("2026-11-27", "2026-11-30", null, InterviewStatus.InTime)]
    [InlineData("2026-11-27", "2026-12-01", null, InterviewStatus.Late)]
    [InlineData("2026-11-27", null, null, InterviewStatus.Awaiting)]
    [InlineData("2026-11-27", null, true, InterviewStatus.Declined)]
    [InlineData(null, null, null, InterviewStatus.StillMissing)]
    public void The_status_of_an_episodes_interview(string? end, string? completedOn, bool? declined, InterviewStatus expected)
    {
        var episode = new MissingEpisode { Start = D("2026-11-25"), End = N(end), InterviewCompletedOn = N(completedOn), InterviewDeclined = declined };
        Assert.Equal(expected, ReturnInterviews.StatusOf(episode));
    }

    [Fact]
    public void Figures_count_children_episodes_and_interviews_in_time_with_the_share_rounded_half_up()
    {
        MissingEpisode E(int child, string start, string? end, string? done) =>
            new() { ChildId = child, Start = D(start), End = N(end), InterviewCompletedOn = N(done) };
        var figures = ReturnInterviews.FiguresFor(
        [
            E(1, "2026-11-01", "2026-11-02", "2026-11-03"),
            E(1, "2026-11-10", "2026-11-11", "2026-11-20"),
            E(2, "2026-11-12", "2026-11-12", "2026-11-15"),
            E(3, "2026-11-20", null, null),
        ]);

        // 2 of the 3 returns had an interview in time: 66.666… → 66.7.
        Assert.Equal(new MissingFigures(3, 4, 3, 2, 66.7m), figures);
        Assert.Null(ReturnInterviews.FiguresFor([]).PercentWithin72Hours);
    }
}
