using Iro.Domain.Allocations;

namespace Iro.Domain.Tests.Allocations;

public class AllocationSuggestionsTests
{
    private static readonly Candidate Ana = new(1, "Ana", InHouse: true, InPost: true, Fte: 1.0m, Caseload: 68);
    private static readonly Candidate Ben = new(2, "Ben", InHouse: false, InPost: true, Fte: 1.0m, Caseload: 40);
    private static readonly Candidate Cal = new(3, "Cal", InHouse: true, InPost: true, Fte: 0.5m, Caseload: 15);
    private static readonly Candidate Dee = new(4, "Dee", InHouse: true, InPost: false, Fte: 1.0m, Caseload: 0);
    private static readonly Candidate Eve = new(5, "Eve", InHouse: true, InPost: true, Fte: 1.0m, Caseload: 40);

    private static ChildTies Ties(int[]? earlier = null, int[]? siblings = null, int[]? linked = null) =>
        new(new HashSet<int>(earlier ?? []), new HashSet<int>(siblings ?? []), new HashSet<int>(linked ?? []));

    public static TheoryData<string, ChildTies, string[]> Rankings => new()
    {
        // Headroom against 70 per FTE: Ana 2, Ben 30, Cal 20, Eve 30; Eve before Ben on the tie (in-house).
        { "headroom, then in-house", Ties(), ["Eve", "Ben", "Cal", "Ana", "Dee"] },
        { "continuity first", Ties(earlier: [1]), ["Ana", "Eve", "Ben", "Cal", "Dee"] },
        { "siblings next", Ties(earlier: [3], siblings: [1]), ["Cal", "Ana", "Eve", "Ben", "Dee"] },
        { "a linked parent's IRO is blocked even with continuity", Ties(earlier: [1], linked: [1]), ["Eve", "Ben", "Cal", "Ana", "Dee"] },
    };

    [Theory]
    [MemberData(nameof(Rankings))]
    public void Ranks_continuity_siblings_headroom_then_in_house(string because, ChildTies ties, string[] expected)
    {
        var ranked = AllocationSuggestions.Rank([Ana, Ben, Cal, Dee, Eve], ties, new CaseloadBand()).Select(s => s.Candidate.Name).ToArray();
        Assert.True(expected.SequenceEqual(ranked), $"{because}: got [{string.Join(", ", ranked)}]");
    }

    [Fact]
    public void Blocks_an_IRO_not_in_post_and_a_linked_parents_IRO_and_warns_about_split_siblings()
    {
        var ranked = AllocationSuggestions.Rank([Ana, Dee], Ties(linked: [1]), new CaseloadBand());

        Assert.All(ranked, s => Assert.True(s.IsBlocked));
        Assert.Contains(ranked.Single(s => s.Candidate == Dee).Blocks, b => b.Contains("Not in post", StringComparison.Ordinal));
        Assert.Contains(ranked.Single(s => s.Candidate == Ana).Blocks, b => b.Contains("parent or child", StringComparison.Ordinal));
        Assert.NotEmpty(AllocationSuggestions.Warnings(2, Ties(siblings: [1])));
        Assert.Empty(AllocationSuggestions.Warnings(1, Ties(siblings: [1])));
        Assert.Empty(AllocationSuggestions.Warnings(2, Ties()));
    }
}
