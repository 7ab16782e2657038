using Iro.Domain.Children;
using Iro.Domain.Rules;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Rules;

public class SocialWorkerChangesTests
{
    /// <summary>Assignments written "name:from" (name may carry an id as "name#id"), separated by spaces.</summary>
    private static List<SocialWorkerAssignment> Parse(string history) =>
    [
        .. history.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var (who, from) = (entry[..entry.IndexOf(':', StringComparison.Ordinal)], entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var parts = who.Split('#');
            return new SocialWorkerAssignment { SocialWorkerName = parts[0], WorkerId = parts.Length > 1 ? parts[1] : null, From = D(from) };
        }),
    ];

    [Theory]
    // The first worker is not a change.
    [InlineData("Ann:2026-01-10", "2026-11-27", 0)]
    [InlineData("", "2026-11-27", 0)]
    // Each later worker is a change on their start date.
    [InlineData("Ann:2026-01-10 Bob:2026-03-01 Cy:2026-06-01 Di:2026-09-01", "2026-11-27", 3)]
    // Given in any order: they are taken by start date.
    [InlineData("Di:2026-09-01 Ann:2026-01-10 Cy:2026-06-01 Bob:2026-03-01", "2026-11-27", 3)]
    // The window is the 12 months up to and including the date: 2025-11-27 is outside it, 2025-11-28 and the date itself inside.
    [InlineData("Ann:2025-01-01 Bob:2025-11-27 Cy:2025-11-28 Di:2026-11-27", "2026-11-27", 2)]
    // Changes after the date do not count.
    [InlineData("Ann:2026-01-10 Bob:2026-03-01 Cy:2026-12-01", "2026-11-27", 1)]
    // The same worker again (say after a gap) is not a change; names compare without case or surrounding spaces.
    [InlineData("Ann:2026-01-10 ann:2026-03-01 Bob:2026-06-01 Ann:2026-09-01", "2026-11-27", 2)]
    // With worker ids on both, the id decides: two workers with one name are a change; one worker renamed is not.
    [InlineData("Sam#S1:2026-01-10 Sam#S2:2026-03-01 Sammy#S2:2026-06-01", "2026-11-27", 1)]
    // With an id on one side only, the name decides.
    [InlineData("Sam#S1:2026-01-10 Sam:2026-03-01 Bob:2026-06-01", "2026-11-27", 1)]
    public void Changes_in_the_12_months_to_a_date(string history, string asOf, int expected) =>
        Assert.Equal(expected, SocialWorkerChanges.CountInYearTo(Parse(history), D(asOf)));

    [Fact]
    public void Change_dates_are_the_start_dates_of_each_later_worker()
    {
        var dates = SocialWorkerChanges.ChangeDates(Parse("Ann:2026-01-10 Bob:2026-03-01 Bob:2026-04-01 Cy:2026-06-01"));
        Assert.Equal([D("2026-03-01"), D("2026-06-01")], dates);
    }
}
