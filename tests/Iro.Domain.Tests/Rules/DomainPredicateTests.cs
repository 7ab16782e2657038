using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Rules;

public sealed class DomainPredicateTests
{
    [Theory]
    [InlineData("2025-04-01", null, "2025-03-31", false)]
    [InlineData("2025-04-01", null, "2025-04-01", true)]
    [InlineData("2025-04-01", "2026-03-31", "2026-03-30", true)]
    [InlineData("2025-04-01", "2026-03-31", "2026-03-31", false)] // ceased on 31 March: not in the 903 count that day
    [InlineData("2025-04-01", "2025-04-01", "2025-04-01", false)]
    public void Looked_after_on_a_date_follows_the_903_count(string start, string? end, string on, bool expected)
    {
        var child = new Child { LocalId = "C1", Episodes = [Ep(start, end)] };

        Assert.Equal(expected, child.IsLookedAfterOn(D(on)));
        Assert.Equal(expected, child.Episodes[0].IsOpenOn(D(on)));
        Assert.Equal(expected, new[] { child }.AsQueryable().LookedAfterOn(D(on)).Any());
    }

    [Fact]
    public void Looked_after_needs_only_one_open_episode()
    {
        var child = new Child { LocalId = "C1", Episodes = [Ep("2020-01-01", "2021-01-01"), Ep("2024-06-01")] };

        Assert.False(child.IsLookedAfterOn(D("2022-01-01")));
        Assert.True(child.IsLookedAfterOn(D("2024-06-02")));
    }

    [Theory]
    [InlineData("2025-01-01", null, "2024-12-31", false)]
    [InlineData("2025-01-01", null, "2025-01-01", true)]
    [InlineData("2025-01-01", "2025-06-30", "2025-06-29", true)]
    [InlineData("2025-01-01", "2025-06-30", "2025-06-30", false)] // half-open: the end date is the first day not covered
    [InlineData("2025-01-01", "2025-06-30", "2025-07-01", false)]
    public void Allocation_current_on_a_date(string from, string? to, string on, bool expected)
    {
        var allocation = new IroAllocation { From = D(from), To = N(to), ReviewingOfficerId = 7 };
        var child = new Child { LocalId = "C1", IroAllocations = [allocation] };

        Assert.Equal(expected, allocation.IsCurrentOn(D(on)));
        Assert.Equal(expected, new[] { allocation }.AsQueryable().CurrentOn(D(on)).Any());
        Assert.Equal(expected, new[] { child }.AsQueryable().Where(AllocationRules.AllocatedOn(D(on), a => a.ReviewingOfficerId == 7)).Any());
        Assert.False(new[] { child }.AsQueryable().Where(AllocationRules.AllocatedOn(D(on), a => a.ReviewingOfficerId == 8)).Any());
    }

    [Theory]
    [InlineData(ReviewStatus.Held, false, true)]
    [InlineData(ReviewStatus.Held, true, false)]
    [InlineData(ReviewStatus.Planned, false, false)]
    [InlineData(ReviewStatus.Cancelled, false, false)]
    public void Review_held_means_held_and_not_deleted(ReviewStatus status, bool deleted, bool expected)
    {
        var review = new Review { Status = status, IsDeleted = deleted };

        Assert.Equal(expected, new[] { review }.Held().Any());
        Assert.Equal(expected, new[] { review }.AsQueryable().Held().Any());
    }

    [Fact]
    public void A_bound_date_is_read_from_a_holder_so_queries_are_parameterised()
    {
        var predicate = CareRules.EpisodeOpenOn(D("2025-04-01"));

        Assert.DoesNotContain("2025", predicate.Body.ToString(), StringComparison.Ordinal);
        Assert.True(predicate.Compile()(Ep("2025-01-01")));
    }
}
