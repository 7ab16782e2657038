using Iro.Domain.Children;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Children;

public class RetentionTests
{
    public static TheoryData<string, string, int, string> Ends => new()
    {
        { "an ordinary birthday", "1990-06-15", 75, "2065-06-15" },
        { "29 February, 75th birthday in a year without one: 1 March", "2000-02-29", 75, "2075-03-01" },
        { "29 February, 76th birthday in a leap year: 29 February", "2000-02-29", 76, "2076-02-29" },
        { "28 February stays 28 February", "2001-02-28", 75, "2076-02-28" },
        { "1 March stays 1 March", "2001-03-01", 75, "2076-03-01" },
        { "31 December", "1950-12-31", 75, "2025-12-31" },
        { "a configured shorter period", "2000-02-29", 25, "2025-03-01" },
        { "no years: the date of birth", "2010-07-04", 0, "2010-07-04" },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void Retention_ends_on_the_birthday_the_years_on(string because, string born, int years, string expected)
    {
        Assert.True(Retention.EndsOn(D(born), years) == D(expected), because);
    }

    public static TheoryData<string, string, string, bool> Past => new()
    {
        { "the day before the 75th birthday", "1950-11-27", "2025-11-26", false },
        { "exactly on the 75th birthday", "1950-11-27", "2025-11-27", true },
        { "the day after", "1950-11-27", "2025-11-28", true },
        { "29 February born, 28 February of the 75th year", "1952-02-29", "2027-02-28", false },
        { "29 February born, 1 March of the 75th year", "1952-02-29", "2027-03-01", true },
        { "29 February born, a 29 February long before the 75th birthday", "1952-02-29", "2024-02-29", false },
        { "a child of 16", "2010-01-01", "2026-11-27", false },
    };

    [Theory]
    [MemberData(nameof(Past))]
    public void Records_are_past_retention_from_the_birthday(string because, string born, string today, bool expected)
    {
        Assert.True(Retention.IsPast(D(born), Retention.DefaultYears, D(today)) == expected, because);
    }

    [Theory]
    [InlineData("2025-11-27", "1950-11-28")]
    [InlineData("2027-03-01", "1952-03-02")]
    [InlineData("2027-02-28", "1952-02-29")]
    public void The_query_bound_never_leaves_out_a_child_past_retention(string today, string latest)
    {
        var bound = Retention.LatestBirthPastOn(D(today), Retention.DefaultYears);

        Assert.Equal(D(latest), bound);
        Assert.False(Retention.IsPast(bound.AddDays(1), Retention.DefaultYears, D(today)));
    }

    [Fact]
    public void Negative_years_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Retention.EndsOn(D("2000-01-01"), -1));
    }
}
