using Iro.Domain.AnnualReport;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.AnnualReport;

public class LookedAfterFiguresTests
{
    private static readonly DateOnly YearEnd = D("2018-03-31");
    private static readonly ReportingYear Year = new(2017);

    private static Child Child(string id, string born, Sex sex, Ethnicity ethnicity, params CareEpisode[] episodes) =>
        new() { LocalId = id, DateOfBirth = D(born), Sex = sex, Ethnicity = ethnicity, Episodes = [.. episodes] };

    [Fact]
    public void At_31_March_counts_open_episodes_with_age_in_completed_years()
    {
        Child[] children =
        [
            Child("16-on-the-day", "2002-03-31", Sex.M, Ethnicity.WBRI, Ep("2017-01-01")), // 16 on 31 March: 16+
            Child("15-until-1-April", "2002-04-01", Sex.F, Ethnicity.BAFR, Ep("2017-01-01")), // still 15: 10-15
            Child("ceased-31-March", "2010-01-01", Sex.M, Ethnicity.WBRI, Ep("2016-01-01", "2018-03-31")), // not counted
            Child("ceased-1-April", "2010-01-01", Sex.F, Ethnicity.MWBC, Ep("2016-01-01", "2018-04-01")), // counted
            Child("started-31-March", "2018-01-15", Sex.F, Ethnicity.AIND, Ep("2018-03-31")), // under 1
            Child("started-1-April", "2012-01-01", Sex.M, Ethnicity.WBRI, Ep("2018-04-01")), // not yet
        ];

        var profile = LookedAfterFigures.At(children, YearEnd, ReportAgeBands.Default);

        Assert.Equal(4, profile.Total);
        Assert.Equal(new Dictionary<string, int> { ["under 1"] = 1, ["1-4"] = 0, ["5-9"] = 1, ["10-15"] = 1, ["16+"] = 1 }, profile.Age);
        Assert.Equal(1, profile.Sex["Male"]);
        Assert.Equal(3, profile.Sex["Female"]);
        Assert.Equal(1, profile.Ethnicity["White"]);
        Assert.Equal(1, profile.Ethnicity["Black"]);
        Assert.Equal(1, profile.Ethnicity["Mixed"]);
        Assert.Equal(1, profile.Ethnicity["Asian"]);
        Assert.Equal(0, profile.Ethnicity["Other"]);
        Assert.Equal(profile.Total, profile.Age.Values.Sum());
        Assert.Equal(profile.Total, profile.LegalStatus.Values.Sum());
    }

    [Fact]
    public void Starts_ceases_and_at_any_time_count_children_once()
    {
        Child[] children =
        [
            // Started twice in the year: one start, one cease (the first period), looked after at any time.
            Child("twice", "2008-05-05", Sex.M, Ethnicity.WBRI, Ep("2017-05-01", "2017-06-01"), Ep("2017-09-01")),
            // Started on the last day of the year.
            Child("last-day", "2008-05-05", Sex.F, Ethnicity.WBRI, Ep("2018-03-31")),
            // Ceased on 1 April: looked after at the start of the year, ceased in it.
            Child("ceased-1-April", "2008-05-05", Sex.F, Ethnicity.WBRI, Ep("2015-01-01", "2017-04-01")),
            // Ceased on 31 March of the year before: not in the year at all.
            Child("gone", "2008-05-05", Sex.F, Ethnicity.WBRI, Ep("2015-01-01", "2017-03-31")),
            // Started on 1 April of the next year.
            Child("next-year", "2008-05-05", Sex.F, Ethnicity.WBRI, Ep("2018-04-01")),
        ];

        var flows = LookedAfterFigures.During(children, Year);

        Assert.Equal(new LookedAfterFlows(Starts: 2, Ceases: 2, AtAnyTime: 3), flows);
    }
}
