using Iro.Domain.Children;

namespace Iro.Domain.Rules;

/// <summary>
/// Changes of social worker: an assignment that follows an earlier one with a different worker (by
/// <see cref="SocialWorkerAssignment.WorkerId"/> when both have one, else by name) is a change on its start date.
/// The child's first worker is not a change. Three or more changes in 12 months are flagged.
/// </summary>
public static class SocialWorkerChanges
{
    public const int FlagAt = 3;

    public static IReadOnlyList<DateOnly> ChangeDates(IEnumerable<SocialWorkerAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var ordered = assignments.OrderBy(a => a.From).ToList();
        var changes = new List<DateOnly>();
        for (var i = 1; i < ordered.Count; i++)
            if (!SameWorker(ordered[i - 1], ordered[i])) changes.Add(ordered[i].From);
        return changes;
    }

    /// <summary>
    /// Changes dated in the 12 months up to and including <paramref name="asOf"/>: after the same day a year
    /// earlier and on or before <paramref name="asOf"/> (to 27 Nov 2026: 28 Nov 2025 to 27 Nov 2026).
    /// </summary>
    public static int CountInYearTo(IEnumerable<SocialWorkerAssignment> assignments, DateOnly asOf) =>
        ChangeDates(assignments).Count(d => d > asOf.AddYears(-1) && d <= asOf);

    private static bool SameWorker(SocialWorkerAssignment a, SocialWorkerAssignment b) =>
        !string.IsNullOrEmpty(a.WorkerId) && !string.IsNullOrEmpty(b.WorkerId)
            ? string.Equals(a.WorkerId, b.WorkerId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(a.SocialWorkerName.Trim(), b.SocialWorkerName.Trim(), StringComparison.OrdinalIgnoreCase);
}
