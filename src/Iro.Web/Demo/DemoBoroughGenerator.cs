using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;

namespace Iro.Web.Demo;

/// <summary>The generated borough: IROs and children with their whole histories.</summary>
public sealed record DemoBorough(IReadOnlyList<ReviewingOfficer> Officers, IReadOnlyList<Child> Children, DateOnly AsOf, DateOnly ReferenceMarch31)
{
    /// <summary>903 MOTHER (0/1) and the date of birth of her child, for each girl looked after other than on short breaks.</summary>
    public IReadOnlyDictionary<Child, (string Mother, DateOnly? ChildDob)> Mothers { get; init; } =
        new Dictionary<Child, (string Mother, DateOnly? ChildDob)>();

    /// <summary>The IROs' escalations, with their children and IROs (<see cref="DemoEscalations"/>).</summary>
    public IReadOnlyList<Iro.Domain.Escalations.Escalation> Escalations { get; init; } = [];

    /// <summary>Parent and child links, FTE changes and agency referrals (<see cref="DemoAllocations"/>).</summary>
    public DemoAllocationWork AllocationWork { get; init; } = DemoAllocationWork.None;
}

/// <summary>
/// Builds a fictional borough deterministically from a seed: the same seed, size and as-of date give the
/// same borough. Children enter care over fifteen years; those looked after at any time in the last
/// three collection years (and up to the as-of date) are kept, with entries, placement moves, legal-status
/// changes, leavers, re-entries, sibling groups, UASC and short breaks, and reviews held mostly on time.
/// </summary>
public sealed class DemoBoroughGenerator(int seed, int lookedAfterAtMarch31, DateOnly asOf)
{
    public const string Agency = "Orbis Independent Reviewing";

    private static readonly DateOnly K3FirstYear = new(2024, 4, 1);
    private static readonly DateOnly H5LastDay = new(2025, 3, 31);

    /// <summary>Entries a day for one child looked after at 31 March; calibrated once per run below.</summary>
    private const double BaseEntryRatePerChild = 0.00115;

    public DateOnly ReferenceMarch31 { get; } = ReportingYear.LatestMarch31(asOf);

    public DemoBorough Generate()
    {
        // A few passes with the same seed: each measures the count at 31 March and scales the entry rate so the
        // borough lands near the size asked for; the closest is kept. All are deterministic.
        var rate = BaseEntryRatePerChild * lookedAfterAtMarch31;
        DemoBorough? best = null;
        var bestMiss = int.MaxValue;
        for (var pass = 0; pass < 12; pass++)
        {
            var trial = new Simulation(seed, rate, asOf, ReferenceMarch31).Run();
            var counted = CountLookedAfter(trial.Children, ReferenceMarch31);
            var miss = Math.Abs(counted - lookedAfterAtMarch31);
            if (miss < bestMiss) (best, bestMiss) = (trial, miss);
            if (counted == 0 || miss <= Math.Max(2, lookedAfterAtMarch31 / 50)) break;
            rate *= (double)lookedAfterAtMarch31 / counted;
        }

        // Escalations are added to the chosen borough only, from their own random sequence.
        var historyStart = ReferenceMarch31.AddYears(-3).AddDays(1);
        var escalations = new DemoEscalations(seed, asOf, historyStart).Generate(best!.Children);
        var (newChildren, allocationWork) = new DemoAllocations(seed, asOf).Generate(best.Children, best.Officers);
        return best with
        {
            AsOf = asOf, ReferenceMarch31 = ReferenceMarch31,
            Children = [.. best.Children, .. newChildren],
            Mothers = best.Mothers.Concat(newChildren.Where(c => c.Sex == Sex.F).Select(c => KeyValuePair.Create(c, ("0", (DateOnly?)null))))
                .ToDictionary(),
            Escalations = escalations,
            AllocationWork = allocationWork,
        };
    }

    public static int CountLookedAfter(IEnumerable<Child> children, DateOnly on) =>
        children.Count(c => c.IsLookedAfterOn(on));

    private sealed class Simulation(int seed, double entriesPerDay, DateOnly asOf, DateOnly march31)
    {
        private readonly Random _random = new(seed);
        private readonly List<Child> _children = [];
        private readonly List<ReviewingOfficer> _officers = [];
        private readonly Dictionary<ReviewingOfficer, List<(DateOnly From, DateOnly To)>> _caseload = [];
        private DateOnly _today;
        private int _nextLocalId = 100000;
        private int _nextSiblingGroup = 1;
        private DateOnly _lastUascArrival = asOf.AddYears(-15);

        private DateOnly HistoryStart => march31.AddYears(-3).AddDays(1);

        public DemoBorough Run()
        {
            CreateOfficers();
            var day = asOf.AddYears(-15);
            while (day <= asOf)
            {
                _today = day;
                var entries = Poisson(entriesPerDay);
                for (var i = 0; i < entries; i++) EnterCare(day);
                day = day.AddDays(1);
            }

            // Keep children looked after at any time in the last three collection years.
            var kept = _children
                .Where(c => c.Episodes.Any(e => e.End is null || e.End >= HistoryStart))
                .OrderBy(c => c.LocalId, StringComparer.Ordinal)
                .ToList();
            return new DemoBorough(_officers, kept, asOf, march31) { Mothers = RecordMothers(kept) };
        }

        /// <summary>
        /// MOTHER for every girl looked after other than on short breaks: 0 for most; 1, with her child's date of
        /// birth, for a few older girls whose child was born before the history starts.
        /// </summary>
        private Dictionary<Child, (string Mother, DateOnly? ChildDob)> RecordMothers(List<Child> children)
        {
            var mothers = new Dictionary<Child, (string Mother, DateOnly? ChildDob)>();
            foreach (var child in children.Where(c => c.Sex == Sex.F && c.Episodes.Any(e => e.LegalStatus is not (LegalStatus.V3 or LegalStatus.V4))))
            {
                var sixteenth = child.DateOfBirth.AddYears(16);
                if (sixteenth < HistoryStart.AddDays(-60) && _random.NextDouble() < 0.08)
                {
                    var born = sixteenth.AddDays(_random.Next(0, HistoryStart.AddDays(-30).DayNumber - sixteenth.DayNumber));
                    mothers[child] = ("1", born);
                }
                else
                {
                    mothers[child] = ("0", null);
                }
            }

            return mothers;
        }

        private void CreateOfficers()
        {
            for (var i = 0; i < DemoNames.Officers.Length; i++)
            {
                var name = DemoNames.Officers[i];
                var inHouse = i < 2;
                var officer = new ReviewingOfficer
                {
                    Name = name,
                    Email = name.ToLowerInvariant().Replace(' ', '.') + "@demo.iro.example",
                    Phone = $"020 7946 0{100 + i:D3}",
                    Employment = inHouse ? Employment.InHouse : Employment.Commissioned,
                    Agency = inHouse ? null : Agency,
                    // Like Brent's: full-time in-house IROs and part-time agency ones, about five FTE in all.
                    Fte = inHouse ? 1.0m : Pick([0.3m, 0.3m, 0.4m, 0.2m]),
                    Gender = i % 3 == 1 ? Gender.Male : Gender.Female,
                    Ethnicity = Pick([Ethnicity.WBRI, Ethnicity.BAFR, Ethnicity.AIND, Ethnicity.BCRB, Ethnicity.WIRI]),
                    StartDate = asOf.AddYears(-15).AddDays(-_random.Next(30, 2000)),
                };
                _officers.Add(officer);
                _caseload[officer] = [];
            }
        }

        private void EnterCare(DateOnly day)
        {
            var siblings = _random.NextDouble() < 0.18 ? _random.Next(2, 4) : 1;
            // Unaccompanied children arrive now and then; under the National Transfer Scheme the borough takes
            // one at least every six months.
            var uasc = siblings == 1 && (_random.NextDouble() < 0.07 || day > _lastUascArrival.AddMonths(6));
            if (uasc) _lastUascArrival = day;
            var shortBreaks = siblings == 1 && !uasc && _random.NextDouble() < 0.012;
            var surname = Pick(DemoNames.Surnames);
            var group = siblings > 1 ? $"SG{_nextSiblingGroup++:D4}" : null;
            ReviewingOfficer? groupOfficer = null;
            for (var s = 0; s < siblings; s++)
            {
                var age = uasc ? _random.Next(14, 18) : shortBreaks ? _random.Next(6, 16) : PickAge(siblings > 1 && s > 0);
                var child = NewChild(day, age, surname, group, uasc, shortBreaks);
                if (shortBreaks)
                {
                    AddShortBreaks(child, day);
                }
                else
                {
                    var officer = groupOfficer ?? ChooseOfficer(day);
                    groupOfficer = officer;
                    AddPeriod(child, day, officer, uasc);
                }

                _children.Add(child);
            }
        }

        private Child NewChild(DateOnly entry, int age, string surname, string? group, bool uasc, bool shortBreaks)
        {
            var sex = uasc ? (_random.NextDouble() < 0.92 ? Sex.M : Sex.F) : (_random.NextDouble() < 0.55 ? Sex.M : Sex.F);
            // UASC with an unknown day of birth use the 15th (DfE guidance).
            var dob = entry.AddYears(-age).AddDays(-_random.Next(0, 365));
            if (uasc) dob = new DateOnly(dob.Year, dob.Month, 15);
            _nextLocalId += _random.Next(1, 40);
            var ethnicity = uasc
                ? Pick([Ethnicity.BAFR, Ethnicity.AOTH, Ethnicity.OOTH, Ethnicity.WOTH, Ethnicity.BOTH])
                : PickWeighted(EthnicityMix);
            return new Child
            {
                LocalId = _nextLocalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FirstName = Pick(sex == Sex.M ? DemoNames.Boys : DemoNames.Girls),
                LastName = uasc ? Pick(["Tesfaye", "Ahmadi", "Hussaini", "Mohammed", "Berhane", "Rahimi", "Osman"]) : surname,
                DateOfBirth = dob,
                Sex = sex,
                Ethnicity = ethnicity,
                // A UPN once the child has started school; UN1 only for those not yet of school age.
                Upn = uasc ? "UN2" : StartedSchool(dob) ? NewUpn() : "UN1",
                IsUnaccompaniedAsylumSeeker = uasc,
                HasDisability = shortBreaks || _random.NextDouble() < 0.08,
                SiblingGroup = group,
            };
        }

        /// <summary>One period of care: episodes, IRO and social-worker histories and reviews; maybe a return later.</summary>
        private void AddPeriod(Child child, DateOnly start, ReviewingOfficer officer, bool uasc, bool returning = false)
        {
            var ageAtStart = Child.AgeOn(child.DateOfBirth, start);
            var eighteenth = child.DateOfBirth.AddYears(18);
            var (plannedEnd, exit) = PlanExit(ageAtStart, start, eighteenth);
            var end = plannedEnd < eighteenth ? plannedEnd : eighteenth;
            var open = end > asOf;

            var need = uasc ? CategoryOfNeed.N8 : PickWeighted(NeedMix);
            var legal = uasc ? LegalStatus.V2 : _random.NextDouble() < 0.45 ? LegalStatus.V2 : LegalStatus.C1;
            var reason = ReasonForNewEpisode.S;
            var episodeStart = start;
            // The child's home address when they came into care; unaccompanied children have none here.
            var home = uasc ? null : Pick(DemoNames.HomePostcodes);
            var carer = NewCarer(ChoosePlacement(Child.AgeOn(child.DateOfBirth, start), uasc, start, legal, temporaryAllowed: false), home);
            var adoptionPlacementOn = exit is ReasonEpisodeCeased.E11 or ReasonEpisodeCeased.E12
                ? end.AddDays(-_random.Next(180, 300))
                : (DateOnly?)null;
            // The placement order comes before the placement for adoption, and within this period of care.
            var placementOrderOn = adoptionPlacementOn is { } placedOn
                ? Max(placedOn.AddDays(-_random.Next(60, 200)), start.AddDays(30))
                : (DateOnly?)null;
            var carePlanChange = legal == LegalStatus.C1 ? start.AddDays(_random.Next(120, 270)) : (DateOnly?)null;
            Carer? beforeTemporary = null;

            while (true)
            {
                var placement = carer.Placement;
                // A child placed for adoption stays put until the order; an emergency placement lasts a week at most.
                var nextMove = placement switch
                {
                    PlacementType.A5 or PlacementType.A6 => DateOnly.MaxValue,
                    PlacementType.T4 => episodeStart.AddDays(_random.Next(1, 8)),
                    _ => episodeStart.AddDays(Math.Max(14, (int)(-Math.Log(1 - _random.NextDouble()) * 330))),
                };
                // A care order follows an interim one only while the child is under the interim order.
                var interimEnds = legal == LegalStatus.C1 ? carePlanChange : null;
                var (changeOn, change) = NextChange(nextMove, interimEnds, placementOrderOn, adoptionPlacementOn, episodeStart, placement);
                var episode = new CareEpisode
                {
                    Start = episodeStart,
                    ReasonForNewEpisode = reason,
                    LegalStatus = legal,
                    CategoryOfNeed = need,
                    Placement = placement,
                    PlacementProvider = carer.Provider,
                    HomePostcode = home,
                    PlacementPostcode = carer.Postcode,
                    Urn = carer.Urn,
                };
                child.Episodes.Add(episode);

                if (changeOn >= end || changeOn > asOf)
                {
                    if (!open)
                    {
                        // A special guardianship order to former foster carers needs the child to be with them.
                        var fostered = placement is PlacementType.U1 or PlacementType.U2 or PlacementType.U3 or PlacementType.U4 or PlacementType.U5 or PlacementType.U6;
                        if (exit is ReasonEpisodeCeased.E45 or ReasonEpisodeCeased.E46 && !fostered) exit = ReasonEpisodeCeased.E41;
                        episode.End = end;
                        episode.ReasonCeased = exit;
                    }

                    break;
                }

                episode.End = changeOn;
                episode.ReasonCeased = ReasonEpisodeCeased.X1;
                episodeStart = changeOn;
                switch (change)
                {
                    // A change of legal status only: same carer, same placement details.
                    case "legal":
                        legal = LegalStatus.C2;
                        reason = ReasonForNewEpisode.L;
                        carePlanChange = null;
                        break;
                    case "order":
                        legal = LegalStatus.E1;
                        reason = ReasonForNewEpisode.L;
                        placementOrderOn = null;
                        carePlanChange = null;
                        break;
                    case "recode":
                        // Same provider, address and registration: only the placement code changes.
                        carer = carer with { Placement = PlacementType.K3 };
                        reason = ReasonForNewEpisode.T;
                        episode.ReasonPlaceChange = ReasonPlaceChange.PLACE;
                        break;
                    case "adoption":
                        // Placed for adoption with the current foster carer (A5, same carer: RNE T) or with new adopters (A6).
                        var fostered = placement is PlacementType.U1 or PlacementType.U2 or PlacementType.U3 or PlacementType.U4 or PlacementType.U5 or PlacementType.U6;
                        if (fostered && _random.NextDouble() < 0.4)
                        {
                            carer = carer with { Placement = PlacementType.A5, Urn = UrnFor(PlacementType.A5, carer.Provider) };
                            reason = ReasonForNewEpisode.T;
                        }
                        else
                        {
                            carer = NewCarer(PlacementType.A6, home);
                            reason = ReasonForNewEpisode.P;
                        }

                        episode.ReasonPlaceChange = ReasonPlaceChange.CARPL;
                        adoptionPlacementOn = null;
                        break;
                    default:
                        // An emergency placement only where it can end with a move within the week, before anything else happens.
                        var weekLater = changeOn.AddDays(7);
                        var temporaryAllowed = placement != PlacementType.T4 && weekLater < end && weekLater <= asOf
                            && !new[] { legal == LegalStatus.C1 ? carePlanChange : null, placementOrderOn, adoptionPlacementOn }.Any(d => d is { } x && x <= weekLater);
                        var previousCarer = carer;
                        if (placement == PlacementType.T4)
                        {
                            // After an emergency placement the child goes back to where they were before it.
                            carer = beforeTemporary!;
                        }
                        else
                        {
                            beforeTemporary = carer;
                            // A move is to a different carer.
                            do carer = NewCarer(ChoosePlacement(Child.AgeOn(child.DateOfBirth, changeOn), uasc, changeOn, legal, temporaryAllowed), home);
                            while (carer == previousCarer);
                        }

                        reason = ReasonForNewEpisode.P;
                        // No reason for a change into or out of an emergency placement.
                        episode.ReasonPlaceChange = placement == PlacementType.T4 || carer.Placement == PlacementType.T4 ? null : PickWeighted(PlaceChangeMix);
                        break;
                }
            }

            var periodEnd = open ? (DateOnly?)null : end;
            AllocateOfficers(child, officer, start, periodEnd);
            if (returning)
            {
                // The social worker kept the case while the child was back home, until they came into care again.
                child.SocialWorkerAssignments[^1].To = start.AddDays(-1);
            }

            AssignSocialWorkers(child, start, periodEnd, Child.AgeOn(child.DateOfBirth, start) >= 16 ? 3 : uasc ? 5 : _random.Next(0, 3), returning ? "TSPROC" : "FCONTA");
            HoldReviews(child, start, periodEnd, child.IroAllocations);

            // Some children who went home come back into care.
            var returnedHome = exit is ReasonEpisodeCeased.E4A or ReasonEpisodeCeased.E4B or ReasonEpisodeCeased.E13;
            if (!open && returnedHome && _random.NextDouble() < 0.12)
            {
                var back = end.AddDays(_random.Next(30, 500));
                if (back <= asOf && back < eighteenth.AddYears(-1))
                {
                    var previous = child.IroAllocations[^1].ReviewingOfficer!;
                    AddPeriod(child, back, previous, child.IsUnaccompaniedAsylumSeeker, returning: true);
                }
            }
        }

        private static (DateOnly On, string Change) NextChange(DateOnly move, DateOnly? legal, DateOnly? order, DateOnly? adoption, DateOnly after, PlacementType placement)
        {
            var candidates = new List<(DateOnly, string)> { (move, "move") };
            // H5 is not a valid placement code from 2025-26: an H5 placement still running is recoded to K3
            // on 31 March 2025 as a change of placement type with the same carer (RNE T).
            if (placement == PlacementType.H5 && after < H5LastDay) candidates.Add((H5LastDay, "recode"));
            if (legal is { } l && l > after) candidates.Add((l, "legal"));
            if (order is { } o && o > after) candidates.Add((o, "order"));
            if (adoption is { } a && a > after) candidates.Add((a, "adoption"));
            return candidates.MinBy(c => c.Item1);
        }

        private (DateOnly End, ReasonEpisodeCeased Exit) PlanExit(int age, DateOnly start, DateOnly eighteenth)
        {
            var roll = _random.NextDouble();
            if (roll < 0.10) return (start.AddDays(_random.Next(3, 40)), ReasonEpisodeCeased.E4A);
            if (age < 5 && roll < 0.40) return (start.AddDays(_random.Next(480, 900)), _random.NextDouble() < 0.7 ? ReasonEpisodeCeased.E11 : ReasonEpisodeCeased.E12);
            if (roll < 0.45) return (start.AddDays((int)(120 + -Math.Log(1 - _random.NextDouble()) * 300)), Pick([ReasonEpisodeCeased.E4A, ReasonEpisodeCeased.E4A, ReasonEpisodeCeased.E4B, ReasonEpisodeCeased.E13]));
            if (roll < 0.55) return (start.AddDays(_random.Next(300, 1100)), Pick([ReasonEpisodeCeased.E45, ReasonEpisodeCeased.E47, ReasonEpisodeCeased.E41]));
            if (roll < 0.58) return (start.AddDays(_random.Next(60, 700)), Pick([ReasonEpisodeCeased.E8, ReasonEpisodeCeased.E3, ReasonEpisodeCeased.E9, ReasonEpisodeCeased.E14]));
            // Otherwise the child stays until adulthood.
            return (eighteenth, Pick([ReasonEpisodeCeased.E17, ReasonEpisodeCeased.E5, ReasonEpisodeCeased.E5, ReasonEpisodeCeased.E6, ReasonEpisodeCeased.E8]));
        }

        private void AddShortBreaks(Child child, DateOnly first)
        {
            var officer = ChooseOfficer(first);
            var day = first;
            var eighteenth = child.DateOfBirth.AddYears(18);
            var seriesEnd = first.AddDays(_random.Next(400, 2000));
            while (day <= asOf && day < seriesEnd && day < eighteenth)
            {
                var end = day.AddDays(_random.Next(1, 4));
                child.Episodes.Add(new CareEpisode
                {
                    Start = day,
                    ReasonForNewEpisode = ReasonForNewEpisode.S,
                    LegalStatus = LegalStatus.V3,
                    CategoryOfNeed = CategoryOfNeed.N2,
                    Placement = PlacementType.U6,
                    PlacementProvider = PlacementProvider.PR1,
                    // Short breaks record no placement location or URN.
                    End = end > asOf ? null : end,
                    ReasonCeased = end > asOf ? null : ReasonEpisodeCeased.E4A,
                });
                day = end.AddDays(_random.Next(21, 40));
            }

            var last = child.Episodes[^1].End;
            AllocateOfficers(child, officer, first, last is null ? null : last);
            AssignSocialWorkers(child, first, last, 4);
            var reviewDue = first.AddMonths(3);
            while (reviewDue <= asOf && (last is null || reviewDue <= last))
            {
                var held = Weekday(reviewDue.AddDays(-_random.Next(0, 20)));
                child.Reviews.Add(NewReview(child, held));
                reviewDue = held.AddMonths(6);
            }
        }

        /// <summary>
        /// The period's allocations, half-open (<c>From &lt;= date &lt; To</c>): a change of IRO closes the previous
        /// allocation on the day the next starts, and the last is closed on the period's end date. The first
        /// allocation of a period has no reason; each change carries one of the default change reasons.
        /// </summary>
        private void AllocateOfficers(Child child, ReviewingOfficer first, DateOnly start, DateOnly? end)
        {
            var from = start;
            var officer = first;
            string? reason = null;
            while (true)
            {
                // Occasional change of IRO in long periods, never in the first six months.
                var change = from.AddDays(_random.Next(540, 2400));
                var until = end ?? DateOnly.MaxValue;
                if (change < until && change <= asOf && change > start.AddMonths(6))
                {
                    child.IroAllocations.Add(Allocation(officer, from, change, reason));
                    reason = Pick(ChangeReasons);
                    _caseload[officer].Add((from, change));
                    var next = ChooseOfficer(change, except: officer);
                    officer = next;
                    from = change;
                    continue;
                }

                child.IroAllocations.Add(Allocation(officer, from, end, reason));
                _caseload[officer].Add((from, end ?? DateOnly.MaxValue));
                return;
            }
        }

        /// <summary>The reasons a demo change of IRO gives: the configured defaults other than "Other".</summary>
        private static readonly string[] ChangeReasons =
            [.. AllocationOptions.DefaultChangeReasons.Where(r => r.Key != "Other").Select(r => r.Label)];

        private static IroAllocation Allocation(ReviewingOfficer officer, DateOnly from, DateOnly? to, string? reason) =>
            new() { ReviewingOfficer = officer, From = from, To = to, ReasonForChange = reason };

        private ReviewingOfficer ChooseOfficer(DateOnly on, ReviewingOfficer? except = null)
        {
            // Allocations that ended before the simulated day can never count again: the day only moves forward.
            foreach (var list in _caseload.Values) list.RemoveAll(c => c.To < _today);
            return _officers
                .Where(o => o != except)
                .OrderBy(o => _caseload[o].Count(c => c.From <= on && c.To >= on) / (double)o.Fte)
                .ThenBy(_ => _random.Next())
                .First();
        }

        /// <summary>
        /// Social workers for one period of care, one after another with no gap or overlap. The first is allocated
        /// on first contact (903 SW_REASON FCONTA); each later one records why the worker changed. Workers are
        /// not changed in the last week of March, when the year's return is taken.
        /// </summary>
        private void AssignSocialWorkers(Child child, DateOnly start, DateOnly? end, int teamIndex, string firstReason = "FCONTA")
        {
            var from = start;
            var reason = firstReason;
            while (true)
            {
                var change = from.AddDays(_random.Next(200, 500));
                if (change.Month == 3 && change.Day > 24) change = new DateOnly(change.Year, 3, 24);
                var name = Pick(DemoNames.SocialWorkers);
                var team = DemoNames.Teams[Math.Clamp(teamIndex, 0, DemoNames.Teams.Length - 1)];
                if (change <= asOf && (end is null || change.AddDays(1) < end))
                {
                    child.SocialWorkerAssignments.Add(new SocialWorkerAssignment { SocialWorkerName = name, Team = team, From = from, To = change, ReasonForChange = reason });
                    from = change.AddDays(1);
                    reason = PickWeighted(SocialWorkerChangeMix);
                    continue;
                }

                child.SocialWorkerAssignments.Add(new SocialWorkerAssignment { SocialWorkerName = name, Team = team, From = from, To = end, ReasonForChange = reason });
                return;
            }
        }

        /// <summary>Reviews on the reg 33 cadence: mostly on time, some late, from the actual date of the last.</summary>
        private void HoldReviews(Child child, DateOnly start, DateOnly? end, List<IroAllocation> allocations)
        {
            var due = AddWeekdays(start, 20);
            var sequence = 1;
            while (true)
            {
                var late = _random.NextDouble() < 0.07;
                var held = late ? Weekday(due.AddDays(_random.Next(1, 30))) : Weekday(due.AddDays(-_random.Next(1, 12)));
                if (held < start) held = start;
                if (held > asOf || (end is not null && held > end)) return;
                var review = NewReview(child, held);
                review.Chair = allocations.LastOrDefault(a => a.From <= held)?.ReviewingOfficer ?? allocations[0].ReviewingOfficer;
                child.Reviews.Add(review);
                due = sequence == 1 ? held.AddMonths(3) : held.AddMonths(6);
                sequence++;
            }
        }

        private Review NewReview(Child child, DateOnly held)
        {
            var age = Child.AgeOn(child.DateOfBirth, held);
            var code = age < 4 ? ParticipationCode.PN0 : PickWeighted(ParticipationMix);
            return new Review { HeldOn = held, Participation = code, Chair = child.IroAllocations.LastOrDefault()?.ReviewingOfficer };
        }

        private PlacementType ChoosePlacement(int age, bool uasc, DateOnly on, LegalStatus legal, bool temporaryAllowed)
        {
            // Registered supported accommodation (K3) is returned from 2024-25; before that it was H5. Either is
            // only for young people of 16 or more.
            var supported = on >= K3FirstYear ? PlacementType.K3 : PlacementType.H5;
            var chosen = uasc
                ? age >= 16
                    ? PickWeighted([(supported, 50), (PlacementType.U6, 35), (PlacementType.K2, 15)])
                    : PickWeighted([(PlacementType.U6, 65), (PlacementType.K2, 35)])
                : age switch
                {
                    < 1 => PickWeighted([(PlacementType.U6, 60), (PlacementType.U3, 20), (PlacementType.U5, 10), (PlacementType.R3, 10)]),
                    < 10 => PickWeighted([(PlacementType.U6, 55), (PlacementType.U3, 20), (PlacementType.U4, 15), (PlacementType.P1, 5), (PlacementType.U1, 5)]),
                    < 16 => PickWeighted([(PlacementType.U6, 40), (PlacementType.U4, 15), (PlacementType.K2, 25), (PlacementType.U3, 12), (PlacementType.S1, 3), (PlacementType.R1, 2), (PlacementType.K1, 1), (PlacementType.T4, 2)]),
                    _ => PickWeighted([(supported, 40), (PlacementType.K2, 25), (PlacementType.U6, 20), (PlacementType.U4, 10), (PlacementType.R5, 2), (PlacementType.U3, 3)]),
                };
            // Placed with parents only under a care order; an emergency placement only between two others.
            if (chosen == PlacementType.P1 && legal is not (LegalStatus.C1 or LegalStatus.C2)) return PlacementType.U6;
            if (chosen == PlacementType.T4 && !temporaryAllowed) return PlacementType.U6;
            return chosen;
        }

        /// <summary>Where a child lives: the placement, its provider, address and Ofsted URN.</summary>
        private sealed record Carer(PlacementType Placement, PlacementProvider? Provider, string? Postcode, string? Urn);

        private Carer NewCarer(PlacementType placement, string? home)
        {
            var provider = ProviderFor(placement);
            // Placed with parents is at the child's home address.
            var postcode = placement == PlacementType.P1 ? home : Pick(DemoNames.Postcodes);
            return new Carer(placement, provider, postcode, UrnFor(placement, provider));
        }

        /// <summary>
        /// The Ofsted URN of the setting or of the fostering or adoption service; none for placements Ofsted does
        /// not register (with parents, independent living, health, custody and emergency placements).
        /// </summary>
        private string? UrnFor(PlacementType placement, PlacementProvider? provider) => placement switch
        {
            PlacementType.P1 or PlacementType.P3 or PlacementType.R1 or PlacementType.R2 or PlacementType.R5
                or PlacementType.T0 or PlacementType.T1 or PlacementType.T2 or PlacementType.T3 or PlacementType.T4 => null,
            PlacementType.U1 or PlacementType.U2 or PlacementType.U3 or PlacementType.U4 or PlacementType.U5 or PlacementType.U6 =>
                provider == PlacementProvider.PR1 ? DemoNames.OwnFosteringServiceUrn : Pick(DemoNames.FosteringAgencyUrns),
            PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6 =>
                provider == PlacementProvider.PR1 ? DemoNames.OwnAdoptionAgencyUrn : Pick(DemoNames.AdoptionAgencyUrns),
            PlacementType.K2 => Pick(DemoNames.ChildrensHomeUrns),
            PlacementType.K3 or PlacementType.H5 => Pick(DemoNames.SupportedAccommodationUrns),
            _ => Pick(DemoNames.OtherSettingUrns),
        };

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private PlacementProvider? ProviderFor(PlacementType placement) => placement switch
        {
            PlacementType.P1 => PlacementProvider.PR0,
            PlacementType.T0 or PlacementType.T1 or PlacementType.T2 or PlacementType.T3 or PlacementType.T4 => null,
            PlacementType.K2 or PlacementType.K3 or PlacementType.H5 or PlacementType.S1 => _random.NextDouble() < 0.8 ? PlacementProvider.PR4 : PlacementProvider.PR5,
            PlacementType.A5 or PlacementType.A6 => _random.NextDouble() < 0.7 ? PlacementProvider.PR1 : PlacementProvider.PR2,
            PlacementType.R5 or PlacementType.R2 => PlacementProvider.PR3,
            _ => _random.NextDouble() < 0.6 ? PlacementProvider.PR1 : PlacementProvider.PR4,
        };

        private int PickAge(bool sibling)
        {
            var roll = _random.NextDouble();
            if (sibling) return _random.Next(0, 14);
            return roll switch
            {
                < 0.14 => 0,
                < 0.32 => _random.Next(1, 5),
                < 0.52 => _random.Next(5, 10),
                < 0.88 => _random.Next(10, 16),
                _ => _random.Next(16, 18),
            };
        }

        /// <summary>Whether the child was 4 by the last 31 August up to the as-of date, so started reception class.</summary>
        private bool StartedSchool(DateOnly dob)
        {
            var lastAugust31 = new DateOnly(asOf.Month >= 9 ? asOf.Year : asOf.Year - 1, 8, 31);
            return dob.AddYears(4) <= lastAugust31;
        }

        private string NewUpn()
        {
            const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
            var digits = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + _random.Next(10))));
            return letters[_random.Next(letters.Length)] + digits;
        }

        private int Poisson(double lambda)
        {
            // Knuth's method is fine for the small daily rates used here.
            var limit = Math.Exp(-lambda);
            var k = 0;
            var p = _random.NextDouble();
            while (p > limit)
            {
                k++;
                p *= _random.NextDouble();
            }

            return k;
        }

        private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        private T PickWeighted<T>(IReadOnlyList<(T Item, int Weight)> items)
        {
            var roll = _random.Next(items.Sum(i => i.Weight));
            foreach (var (item, weight) in items)
            {
                if (roll < weight) return item;
                roll -= weight;
            }

            return items[^1].Item;
        }


        private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };

        // An approximation for generating plausible dates; the product's timetable uses the real calendar.
        private static DateOnly AddWeekdays(DateOnly start, int days)
        {
            var date = start;
            while (days > 0)
            {
                date = date.AddDays(1);
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
            }

            return date;
        }
    }

    private static readonly (Ethnicity, int)[] EthnicityMix =
    [
        (Ethnicity.WBRI, 18), (Ethnicity.WOTH, 8), (Ethnicity.WIRI, 2), (Ethnicity.WIRT, 1), (Ethnicity.WROM, 1),
        (Ethnicity.MWBC, 7), (Ethnicity.MWBA, 3), (Ethnicity.MWAS, 2), (Ethnicity.MOTH, 5), (Ethnicity.AIND, 4),
        (Ethnicity.APKN, 3), (Ethnicity.ABAN, 1), (Ethnicity.AOTH, 6), (Ethnicity.BCRB, 12), (Ethnicity.BAFR, 10),
        (Ethnicity.BOTH, 7), (Ethnicity.CHNE, 1), (Ethnicity.OOTH, 6), (Ethnicity.REFU, 1), (Ethnicity.NOBT, 2),
    ];

    private static readonly (CategoryOfNeed, int)[] NeedMix =
    [
        (CategoryOfNeed.N1, 60), (CategoryOfNeed.N2, 4), (CategoryOfNeed.N3, 4), (CategoryOfNeed.N4, 8),
        (CategoryOfNeed.N5, 14), (CategoryOfNeed.N6, 2), (CategoryOfNeed.N7, 1), (CategoryOfNeed.N8, 7),
    ];

    private static readonly (ReasonPlaceChange, int)[] PlaceChangeMix =
    [
        (ReasonPlaceChange.CARPL, 45), (ReasonPlaceChange.CREQB, 15), (ReasonPlaceChange.CREQO, 10), (ReasonPlaceChange.CHILD, 8),
        (ReasonPlaceChange.LAREQ, 7), (ReasonPlaceChange.STAND, 3), (ReasonPlaceChange.ALLEG, 2), (ReasonPlaceChange.CLOSE, 3),
        (ReasonPlaceChange.OTHER, 7),
    ];

    /// <summary>903 SW_REASON for a change of social worker.</summary>
    private static readonly (string, int)[] SocialWorkerChangeMix =
    [
        ("LEFTRL", 40), ("MANAGE", 20), ("ORGRST", 8), ("ABSENC", 8), ("TSPROC", 10), ("CHCHAN", 4), ("PCCHAN", 3), ("OTHERS", 7),
    ];

    private static readonly (ParticipationCode, int)[] ParticipationMix =
    [
        (ParticipationCode.PN1, 42), (ParticipationCode.PN2, 5), (ParticipationCode.PN3, 3), (ParticipationCode.PN4, 5),
        (ParticipationCode.PN5, 8), (ParticipationCode.PN6, 30), (ParticipationCode.PN7, 7),
    ];
}
