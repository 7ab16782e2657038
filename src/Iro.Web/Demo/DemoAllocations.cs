using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;

namespace Iro.Web.Demo;

/// <summary>What the demo borough adds for allocation work, on top of the simulated histories.</summary>
/// <param name="ParentChildLinks">A looked-after mother and her baby, with different IROs.</param>
/// <param name="FteChanges">A couple of IROs whose hours changed during the last year.</param>
/// <param name="AgencyReferrals">An open referral of a new child to the commissioned agency.</param>
public sealed record DemoAllocationWork(
    IReadOnlyList<ParentChildLink> ParentChildLinks,
    IReadOnlyList<OfficerFteChange> FteChanges,
    IReadOnlyList<AgencyReferral> AgencyReferrals)
{
    public static readonly DemoAllocationWork None = new([], [], []);
}

/// <summary>
/// Gives the demo's allocation pages something to show: children who came into care in the last few days with
/// no IRO yet (one past the five-working-day deadline, one within it, one referred to the agency), a looked-after
/// mother whose baby came into care with another IRO, and two changes of FTE. It draws from its own random
/// sequence, so the simulated borough is unchanged.
/// </summary>
internal sealed class DemoAllocations(int seed, DateOnly asOf)
{
    /// <summary>Days before the as-of date each unallocated child came into care: beyond the deadline, within it.</summary>
    public const int OverdueEntryDaysAgo = 16;
    public const int RecentEntryDaysAgo = 1;
    private const int ReferredEntryDaysAgo = 3;
    private const int BabyEntryDaysAgo = 45;

    private readonly Random _random = new(unchecked((seed * 7919) + 4_242));

    public (IReadOnlyList<Child> NewChildren, DemoAllocationWork Work) Generate(IReadOnlyList<Child> children, IReadOnlyList<ReviewingOfficer> officers)
    {
        var nextId = children.Max(c => int.Parse(c.LocalId, System.Globalization.CultureInfo.InvariantCulture)) + 1;
        var overdue = NewChild(nextId++, Weekday(asOf.AddDays(-OverdueEntryDaysAgo)), _random.Next(5, 15));
        var recent = NewChild(nextId++, asOf.AddDays(-RecentEntryDaysAgo), _random.Next(1, 12));
        var referred = NewChild(nextId++, Weekday(asOf.AddDays(-ReferredEntryDaysAgo)), _random.Next(8, 16));
        var referral = new AgencyReferral
        {
            Child = referred, PeriodStart = referred.Episodes[0].Start, Agency = DemoBoroughGenerator.Agency,
            SentOn = referred.Episodes[0].Start.AddDays(1), Note = "Placed out of borough; the agency has an IRO nearby.",
            CreatedByUserId = "system", CreatedByName = "Demo Manager",
            CreatedAt = new DateTimeOffset(referred.Episodes[0].Start.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
        };

        List<Child> added = [overdue, recent, referred];
        var links = new List<ParentChildLink>();
        if (MotherAndBaby(children, officers, nextId) is var (mother, baby))
        {
            added.Add(baby);
            links.Add(new ParentChildLink { Parent = mother, ChildOfParent = baby });
        }

        return (added, new DemoAllocationWork(links, FteChanges(officers), [referral]));
    }

    /// <summary>
    /// The oldest looked-after girl of 15 to 17 with an IRO today becomes a mother: her baby comes into care with
    /// her and, as the rules require, gets a different IRO (the least loaded other one).
    /// </summary>
    private (Child Mother, Child Baby)? MotherAndBaby(IReadOnlyList<Child> children, IReadOnlyList<ReviewingOfficer> officers, int id)
    {
        var mother = children
            .Where(c => c.Sex == Sex.F && c.IsLookedAfterOn(asOf) && Child.AgeOn(c.DateOfBirth, asOf) is >= 15 and < 18)
            .Where(c => CurrentOfficer(c) is not null)
            .OrderBy(c => c.DateOfBirth).ThenBy(c => c.LocalId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (mother is null) return null;

        var start = Weekday(asOf.AddDays(-BabyEntryDaysAgo));
        var baby = NewChild(id, start, 0, mother.LastName);
        baby.DateOfBirth = start.AddDays(-_random.Next(10, 60));
        var mothersOfficer = CurrentOfficer(mother);
        var officer = officers
            .Where(o => o != mothersOfficer)
            .OrderBy(o => children.Count(c => CurrentOfficer(c) == o) / (double)o.Fte)
            .ThenBy(o => o.Email, StringComparer.Ordinal)
            .First();
        baby.IroAllocations.Add(new IroAllocation { ReviewingOfficer = officer, From = start });
        baby.Reviews.Add(new Review { HeldOn = Weekday(start.AddDays(24)), Participation = ParticipationCode.PN0, Chair = officer });
        return (mother, baby);
    }

    /// <summary>
    /// Two commissioned IROs changed their hours during the last year. The simulation balanced caseloads on
    /// their FTE today, so the change ends at that FTE and their starting FTE becomes what they worked before.
    /// </summary>
    private List<OfficerFteChange> FteChanges(IReadOnlyList<ReviewingOfficer> officers)
    {
        var changes = new List<OfficerFteChange>();
        var monthsAgo = new[] { 8, 4 };
        foreach (var (officer, months) in officers.Where(o => o.Employment == Employment.Commissioned).Take(monthsAgo.Length).Zip(monthsAgo))
        {
            var today = officer.Fte;
            officer.Fte = today >= 0.5m ? today - 0.1m : today + 0.1m;
            var from = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-months);
            changes.Add(new OfficerFteChange { ReviewingOfficer = officer, EffectiveFrom = from, Fte = today });
        }

        return changes;
    }

    private ReviewingOfficer? CurrentOfficer(Child child) =>
        child.IroAllocations.FirstOrDefault(a => a.From <= asOf && (a.To is null || a.To > asOf))?.ReviewingOfficer;

    private Child NewChild(int id, DateOnly start, int age, string? surname = null)
    {
        var sex = _random.NextDouble() < 0.5 ? Sex.M : Sex.F;
        var dob = start.AddYears(-age).AddDays(-_random.Next(0, 365));
        var child = new Child
        {
            LocalId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FirstName = Pick(sex == Sex.M ? DemoNames.Boys : DemoNames.Girls),
            LastName = surname ?? Pick(DemoNames.Surnames),
            DateOfBirth = dob,
            Sex = sex,
            Ethnicity = Pick([Ethnicity.WBRI, Ethnicity.BCRB, Ethnicity.MWBC, Ethnicity.BAFR, Ethnicity.WOTH]),
            Upn = age >= 5 ? "A" + string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + _random.Next(10)))) : "UN1",
        };
        var home = Pick(DemoNames.HomePostcodes);
        child.Episodes.Add(new CareEpisode
        {
            Start = start, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.V2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1,
            HomePostcode = home, PlacementPostcode = Pick(DemoNames.Postcodes), Urn = DemoNames.OwnFosteringServiceUrn,
        });
        child.SocialWorkerAssignments.Add(new SocialWorkerAssignment
        {
            SocialWorkerName = Pick(DemoNames.SocialWorkers), Team = DemoNames.Teams[0], From = start, ReasonForChange = "FCONTA",
        });
        return child;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };
}
