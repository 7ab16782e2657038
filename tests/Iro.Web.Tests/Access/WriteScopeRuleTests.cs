using Iro.Domain.Children;
using Iro.Web.Access;

namespace Iro.Web.Tests.Access;

/// <summary>The write-scope rule on its own: who may change a visible child's records on a given day.</summary>
public sealed class WriteScopeRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly CurrentUser Ada = new("u-ada", "Ada", new HashSet<string> { Roles.Iro }, 1, null) { Today = Today };
    private static readonly CurrentUser Manager = new("u-manager", "Manager", new HashSet<string> { Roles.Manager }, null, null) { Today = Today };

    private static IroAllocation Allocation(int officer, DateOnly from, DateOnly? to) => new() { ReviewingOfficerId = officer, From = from, To = to };

    private static CareEpisode Episode(DateOnly start, DateOnly? end) => new() { Start = start, End = end };

    [Fact]
    public void An_iro_may_change_a_child_allocated_to_them_today_but_not_one_who_has_moved_to_another_iro()
    {
        var inCare = new[] { Episode(new(2024, 6, 1), null) };
        Assert.True(WriteScope.Allows(Ada, [Allocation(1, new(2025, 1, 1), null)], inCare, Today));
        Assert.False(WriteScope.Allows(Ada, [Allocation(1, new(2024, 6, 1), new(2025, 6, 30)), Allocation(2, new(2025, 7, 1), null)], inCare, Today));
        Assert.True(WriteScope.Allows(Manager, [Allocation(2, new(2025, 7, 1), null)], inCare, Today));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-20", true)] // left care a week ago; her allocation ran to the end
    [InlineData("2026-08-27", "2026-08-27", true)] // three months ago: still finishing the record
    [InlineData("2026-08-26", "2026-08-26", false)] // longer ago than that
    [InlineData("2026-11-20", "2026-10-31", false)] // her allocation ended before the child left care
    [InlineData("2016-03-31", "2016-03-31", false)] // years ago
    public void After_a_child_leaves_care_their_last_iro_may_finish_the_record_for_three_months(string leftCare, string allocationEnded, bool allowed)
    {
        var episodes = new[] { Episode(new(2015, 1, 1), DateOnly.Parse(leftCare, System.Globalization.CultureInfo.InvariantCulture)) };
        var allocations = new[] { Allocation(1, new(2015, 1, 1), DateOnly.Parse(allocationEnded, System.Globalization.CultureInfo.InvariantCulture)) };
        Assert.Equal(allowed, WriteScope.Allows(Ada, allocations, episodes, Today));
    }
}
