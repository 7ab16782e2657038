using Iro.Domain.Allocations;
using Iro.Domain.Codes;
using Iro.Domain.Officers;

namespace Iro.Domain.AnnualReport;

/// <summary>The IROs in post at a date: headcount, FTE, and the breakdowns, each summing to the headcount.</summary>
public sealed record IroServiceProfile(
    int Count,
    decimal Fte,
    IReadOnlyDictionary<string, int> Employment,
    IReadOnlyDictionary<string, int> Gender,
    IReadOnlyDictionary<string, int> Ethnicity);

/// <summary>
/// The IRO service's own figures. In post on a date: started on or before it and no end date, or an end date
/// after it (<see cref="FteHistory.InPostOn"/>); FTE is the effective-dated FTE on that date.
/// </summary>
public static class IroServiceFigures
{
    public static IroServiceProfile At(IEnumerable<ReviewingOfficer> officers, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(officers);
        var inPost = officers.Where(o => FteHistory.InPostOn(o.StartDate, o.EndDate, on)).ToList();
        return new IroServiceProfile(
            inPost.Count,
            inPost.Sum(o => FteOn(o, on)),
            Count(inPost, o => o.Employment.ToString(), nameof(Officers.Employment.InHouse), nameof(Officers.Employment.Commissioned)),
            Count(inPost, o => o.Gender.ToString(), nameof(Officers.Gender.Male), nameof(Officers.Gender.Female)),
            Count(inPost, o => o.Ethnicity is { } code ? EthnicityGroups.GroupOf(code).ToString() : nameof(EthnicGroup.NotKnown),
                "White", "Mixed", "Asian", "Black", "Other"));
    }

    /// <summary>IROs who started in the year, and IROs whose last day fell in it.</summary>
    public static (int Joiners, int Leavers) Movement(IEnumerable<ReviewingOfficer> officers, Timetable.ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(officers);
        var list = officers.ToList();
        return (list.Count(o => year.Contains(o.StartDate)), list.Count(o => o.EndDate is { } end && year.Contains(end)));
    }

    public static decimal FteOn(ReviewingOfficer officer, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return FteHistory.FteOn(officer.Fte, officer.FteChanges.Select(c => new FteChange(c.EffectiveFrom, c.Fte)), on);
    }

    private static Dictionary<string, int> Count(IEnumerable<ReviewingOfficer> officers, Func<ReviewingOfficer, string> key, params string[] always)
    {
        var counts = always.ToDictionary(k => k, _ => 0);
        foreach (var officer in officers) counts[key(officer)] = counts.GetValueOrDefault(key(officer)) + 1;
        return counts;
    }
}
