namespace Iro.Domain.Allocations;

/// <summary>An IRO who could take a child: in post on the allocation date or not, FTE and current caseload.</summary>
public sealed record Candidate(int OfficerId, string Name, bool InHouse, bool InPost, decimal Fte, int Caseload);

/// <summary>
/// What ties the child to IROs: the IROs of the child's earlier periods of care, the current IROs of their
/// siblings, and the IROs of a looked-after parent or child linked to them.
/// </summary>
public sealed record ChildTies(IReadOnlySet<int> EarlierOfficers, IReadOnlySet<int> SiblingOfficers, IReadOnlySet<int> LinkedParentOrChildOfficers)
{
    public static ChildTies None { get; } = new(new HashSet<int>(), new HashSet<int>(), new HashSet<int>());
}

/// <summary>A ranked candidate with the reasons for and against, and what blocks allocating them.</summary>
public sealed record Suggestion(Candidate Candidate, decimal Headroom, IReadOnlyList<string> Reasons, IReadOnlyList<string> Blocks)
{
    public bool IsBlocked => Blocks.Count > 0;
}

/// <summary>
/// Ranks IROs for a child (statutory-rules section 12): continuity first (the IRO the child had before), then
/// the siblings' IRO, then headroom against the caseload band for their FTE, in-house before commissioned on a
/// tie. An IRO not in post, or the IRO of a looked-after parent or child of this child, is blocked.
/// </summary>
public static class AllocationSuggestions
{
    public static IReadOnlyList<Suggestion> Rank(IEnumerable<Candidate> candidates, ChildTies ties, CaseloadBand band)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ties);
        ArgumentNullException.ThrowIfNull(band);
        return candidates
            .Select(c => Judge(c, ties, band))
            .OrderBy(s => s.IsBlocked)
            .ThenByDescending(s => ties.EarlierOfficers.Contains(s.Candidate.OfficerId))
            .ThenByDescending(s => ties.SiblingOfficers.Contains(s.Candidate.OfficerId))
            .ThenByDescending(s => s.Headroom)
            .ThenByDescending(s => s.Candidate.InHouse)
            .ThenBy(s => s.Candidate.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The warnings for allocating <paramref name="officerId"/>: siblings who would have a different IRO.</summary>
    public static IReadOnlyList<string> Warnings(int officerId, ChildTies ties)
    {
        ArgumentNullException.ThrowIfNull(ties);
        return ties.SiblingOfficers.Count > 0 && !ties.SiblingOfficers.Contains(officerId)
            ? ["The child's siblings have a different IRO: siblings should share an IRO unless there is a reason not to"]
            : [];
    }

    private static Suggestion Judge(Candidate candidate, ChildTies ties, CaseloadBand band)
    {
        var headroom = band.Max * candidate.Fte - candidate.Caseload;
        var reasons = new List<string>();
        if (ties.EarlierOfficers.Contains(candidate.OfficerId)) reasons.Add("Was the child's IRO in an earlier period of care");
        if (ties.SiblingOfficers.Contains(candidate.OfficerId)) reasons.Add("IRO of the child's siblings");
        reasons.Add(headroom > 0
            ? $"Room for {Math.Floor(headroom):0} more within the band for {candidate.Fte:0.##} FTE"
            : $"Over the band for {candidate.Fte:0.##} FTE by {Math.Ceiling(-headroom):0}");
        reasons.Add(candidate.InHouse ? "In-house" : "Commissioned");
        var blocks = new List<string>();
        if (!candidate.InPost) blocks.Add("Not in post on the allocation date");
        if (ties.LinkedParentOrChildOfficers.Contains(candidate.OfficerId))
            blocks.Add("IRO of the child's looked-after parent or child: they must have different IROs");
        return new Suggestion(candidate, headroom, reasons, blocks);
    }
}
