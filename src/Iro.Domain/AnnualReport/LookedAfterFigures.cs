using System.Runtime.InteropServices;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;

namespace Iro.Domain.AnnualReport;

/// <summary>Children looked after at a date: the total and its breakdowns, each of which sums to the total.</summary>
public sealed record LookedAfterProfile(
    int Total,
    IReadOnlyDictionary<string, int> Age,
    IReadOnlyDictionary<string, int> Sex,
    IReadOnlyDictionary<string, int> Ethnicity,
    IReadOnlyDictionary<string, int> LegalStatus,
    IReadOnlyDictionary<string, int> Placement,
    int Uasc);

/// <summary>Children who started, ceased and were looked after at any time in a reporting year.</summary>
public sealed record LookedAfterFlows(int Starts, int Ceases, int AtAnyTime);

/// <summary>
/// The looked-after figures of the annual report, on the product's one definition of looked after on a date
/// (<see cref="CareRules"/>: an episode had started and had not ceased, so a child whose episode ceased on 31 March
/// is not counted then). Children are counted once: a child who started twice in a year is one start (as DfE
/// statistics count), and age is in completed years at the date.
/// </summary>
public static class LookedAfterFigures
{
    public static LookedAfterProfile At(IEnumerable<Child> children, DateOnly on, IReadOnlyList<AgeBand> bands)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(bands);
        // One pass, counting by code; the codes become labels once at the end (a national population is counted
        // on three dates).
        var age = bands.ToDictionary(b => b.Label, _ => 0);
        var sex = new Dictionary<string, int>();
        var ethnicity = new Dictionary<EthnicGroup, int>();
        var legalStatus = new Dictionary<LegalStatus, int>();
        var placement = new Dictionary<PlacementType, int>();
        int total = 0, uasc = 0;
        foreach (var child in children)
        {
            // The latest episode open that day (the first of those starting the latest, as MaxBy).
            CareEpisode? episode = null;
            foreach (var e in child.Episodes)
                if (e.IsOpenOn(on) && (episode is null || e.Start > episode.Start)) episode = e;
            if (episode is null) continue;
            total++;
            if (ReportAgeBands.BandOf(bands, Child.AgeOn(child.DateOfBirth, on)) is { } band) age[band.Label]++;
            Increment(sex, child.Sex switch { Codes.Sex.M => "Male", Codes.Sex.F => "Female", _ => "Unknown" });
            Increment(ethnicity, EthnicityGroups.GroupOf(child.Ethnicity));
            Increment(legalStatus, episode.LegalStatus);
            Increment(placement, episode.Placement);
            if (child.IsUnaccompaniedAsylumSeeker && (child.UascCeased is null || child.UascCeased > on)) uasc++;
        }

        return new LookedAfterProfile(
            total,
            age,
            Ordered(sex, "Male", "Female"),
            Ordered(Labelled(ethnicity), "White", "Mixed", "Asian", "Black", "Other"),
            Ordered(Labelled(legalStatus)),
            Ordered(Labelled(placement)),
            uasc);
    }

    /// <summary>
    /// Starts: children with a period of care starting in the year. Ceases: children with a period ending in it.
    /// A series of short breaks is not a period of care for these counts, as in DfE statistics.
    /// At any time: children with an episode open on some day of the year, which is those looked after at its start
    /// plus those who started in it.
    /// </summary>
    public static LookedAfterFlows During(IEnumerable<Child> children, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(children);
        return During(children.Select(ReportChild.Of), year);
    }

    /// <inheritdoc cref="During(IEnumerable{Child}, ReportingYear)"/>
    public static LookedAfterFlows During(IEnumerable<ReportChild> children, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(children);
        int starts = 0, ceases = 0, atAnyTime = 0;
        foreach (var (child, periods) in children)
        {
            if (periods.Any(p => year.Contains(p.Start))) starts++;
            if (periods.Any(p => p.End is { } end && year.Contains(end))) ceases++;
            if (child.Episodes.Any(e => e.Start <= year.End && (e.End is null || e.End > year.Start.AddDays(-1)))) atAnyTime++;
        }

        return new LookedAfterFlows(starts, ceases, atAnyTime);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;

    private static Dictionary<string, int> Labelled<TCode>(Dictionary<TCode, int> counts) where TCode : struct, Enum =>
        counts.ToDictionary(c => c.Key.ToString(), c => c.Value);

    /// <summary>Counts by key: the <paramref name="always"/> keys first (0 when none), then any others in code order.</summary>
    private static Dictionary<string, int> Ordered(Dictionary<string, int> counts, params string[] always) =>
        always.Concat(counts.Keys.Except(always).Order(StringComparer.Ordinal))
            .ToDictionary(k => k, k => counts.GetValueOrDefault(k));
}
