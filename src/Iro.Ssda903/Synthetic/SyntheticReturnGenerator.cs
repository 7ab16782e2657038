using System.Globalization;

namespace Iro.Ssda903.Synthetic;

/// <summary>
/// Generates a realistic, valid 903 return in memory: entries with RNE S, placement moves and legal status
/// changes joined by X1, leavers, some re-entries after a gap, reviews on the statutory cadence (first within
/// about 20 working days, second about 3 months later, then at most 6-monthly, a few late, extra reviews after
/// some placement moves) and participation codes tied to age. Deterministic for a given seed.
/// </summary>
public static class SyntheticReturnGenerator
{
    private static readonly string[] EthnicOther =
    [
        "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
        "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ];

    private static readonly string[] MoveReasons = ["CARPL", "CARPL", "CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "STAND", "ALLEG", "CLOSE", "OTHER"];

    private static readonly (string Code, int Weight)[] Participation = [("PN1", 40), ("PN2", 8), ("PN3", 5), ("PN4", 5), ("PN5", 12), ("PN6", 20), ("PN7", 10)];

    private static readonly string[] Letters = [.. "ABCDEFGHJKLMNPRSTUWY".Select(c => c.ToString())];

    private static readonly string[] CinOther = ["N2", "N3", "N4", "N5", "N6", "N7", "N8"];

    private static readonly string[] InitialLegalStatus = ["C1", "C1", "C1", "V2", "V2", "V2", "C2", "C2"];

    private static readonly string[] AdultLeave = ["E5", "E6", "E8"];

    private static readonly string[] SgoLeave = ["E45", "E46", "E47", "E48"];

    private static readonly string[] IndependentLeave = ["E5", "E6"];

    private static readonly string[] Oc3Activ = ["F1", "F2", "P2", "F5", "G4", "G5", "G6"];

    private static readonly string[] Oc3Accom = ["B1", "D1", "E1", "K1", "U1", "Z1", "S2"];

    private static readonly string[] UpnLetters = [.. Letters.Where(l => l is not ("I" or "O" or "S"))];

    /// <summary>Generates <paramref name="children"/> children for the year with the statutory-cadence defaults.</summary>
    public static Ssda903Return Generate(int children, int seed, CollectionYear year) => Generate(children, seed, year, SyntheticOptions.Default);

    public static Ssda903Return Generate(int children, int seed, CollectionYear year, SyntheticOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(children);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(options);
        var g = new Generator(new Random(seed), year, options);
        for (var i = 0; i < children; i++)
        {
            g.Child((1_000_000 + i).ToString(CultureInfo.InvariantCulture));
        }

        return g.Return;
    }

    private sealed class Generator(Random rng, CollectionYear year, SyntheticOptions options)
    {
        public Ssda903Return Return { get; } = new(year);

        private double U() => rng.NextDouble();

        private int Between(int min, int maxInclusive) => rng.Next(min, maxInclusive + 1);

        private T Pick<T>(T[] items) => items[rng.Next(items.Length)];

        private void Add(Ssda903Row row) => Return.Add(row with { RowNumber = Return.Rows(row.Table).Count + 1 });

        private string Postcode() =>
            string.Create(CultureInfo.InvariantCulture, $"{Pick(Letters)}{Pick(Letters)}{Between(1, 29)} {Between(1, 9)}{Pick(Letters)}{Pick(Letters)}");

        private string Upn()
        {
            var first = Pick(UpnLetters);
            return first + rng.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        }

        public void Child(string id)
        {
            var scenario = U();
            var female = U() < 0.44;
            var sexCode = year.UsesLetterSexCodes ? (female ? "F" : "M") : (female ? "2" : "1");

            if (scenario < 0.03)
            {
                CareLeaver(id, sexCode);
                return;
            }

            // Start of the first period of care touching the year, and the child's age then.
            var inCareAtStart = scenario < 0.64;
            int ageAtEntry = AgeAtEntry();
            DateOnly periodStart;
            if (inCareAtStart)
            {
                periodStart = year.Start.AddDays(-Between(1, 1800));
            }
            else
            {
                periodStart = year.Start.AddDays(Between(0, 364));
            }

            var dob = periodStart.AddYears(-ageAtEntry).AddDays(-Between(0, 360));
            if (dob >= periodStart)
            {
                dob = periodStart.AddDays(-Between(1, 30));
            }

            // Nobody 18 or over at the start of the year.
            while (dob.AddYears(18) <= year.Start)
            {
                dob = dob.AddYears(1);
                if (dob >= periodStart)
                {
                    periodStart = dob.AddDays(Between(1, 30));
                }
            }

            var uasc = ageAtEntry >= 14 && U() < 0.12;
            var upn = uasc ? "UN2" : dob.AddYears(4) > year.End ? "UN1" : Upn();
            string? mother = null;
            Ssda903Date mcDob = default;
            if (female && year.End >= dob.AddYears(12))
            {
                mother = U() < 0.05 ? "1" : "0";
                if (mother == "1")
                {
                    var earliest = dob.AddYears(13);
                    var span = Math.Max(1, year.End.DayNumber - earliest.DayNumber);
                    mcDob = earliest.AddDays(Between(0, span - 1));
                }
            }

            Add(new HeaderRow
            {
                Child = id, SexCode = sexCode, Dob = dob, Ethnic = U() < 0.7 ? "WBRI" : Pick(EthnicOther), Upn = upn, Mother = mother, McDob = mcDob,
            });

            if (uasc)
            {
                Add(new UascRow { Child = id, SexCode = sexCode, Dob = dob, Duc = dob.AddYears(18) });
            }

            var home = Postcode();
            var start = periodStart;
            var first = true;
            var prevPermDone = false;
            while (true)
            {
                var (end, continuous) = Period(id, dob, start, home, first);
                if (first && continuous && start <= year.End.AddDays(-365))
                {
                    Outcomes(id, dob);
                }

                if (start >= year.Start && !prevPermDone)
                {
                    prevPermDone = true;
                    Add(new PrevPermRow { Child = id, Dob = dob, PrevPerm = U() < 0.9 ? "Z1" : "P4" });
                }

                first = false;

                // Re-entry after a gap.
                if (end is not { } left || U() >= 0.18)
                {
                    break;
                }

                var back = left.AddDays(Between(14, 120));
                if (back > year.End || back.AddYears(-18) >= dob)
                {
                    break;
                }

                start = back;
            }
        }

        private int AgeAtEntry()
        {
            var r = U();
            return r switch
            {
                < 0.18 => 0,
                < 0.40 => Between(1, 4),
                < 0.62 => Between(5, 9),
                < 0.85 => Between(10, 15),
                _ => Between(16, 17),
            };
        }

        private string[] PlacesFor(int age)
        {
            string independent = year.StartYear >= 2024 ? "K3" : "H5";
            return age switch
            {
                < 1 => ["U6", "U6", "U3", "U5", "R3"],
                < 12 => ["U6", "U6", "U6", "U4", "U4", "U3", "U1", "P1"],
                < 16 => ["U6", "U6", "U4", "U3", "K2", "K2", "R1"],
                _ => ["U6", "U4", "K2", independent, independent],
            };
        }

        private string Provider(string place) => place switch
        {
            "P1" => "PR0",
            "K2" or "H5" or "K3" => U() < 0.7 ? "PR4" : "PR1",
            "R1" => "PR4",
            "R3" => "PR3",
            "A4" or "A6" => "PR1",
            _ => U() < 0.6 ? "PR1" : "PR4",
        };

        private string? Urn(string place) => place switch
        {
            "P1" => null,
            "U1" or "U3" => "XXXXXXX",
            _ => "SC" + Between(100000, 999999).ToString(CultureInfo.InvariantCulture),
        };

        private static int Age(DateOnly dob, DateOnly on)
        {
            var age = on.Year - dob.Year;
            return on < dob.AddYears(age) ? age - 1 : age;
        }

        /// <summary>Writes the episodes and reviews of one period. Returns its end (null if open at year end) and whether it ran unbroken to the year end.</summary>
        private (DateOnly? End, bool Continuous) Period(string id, DateOnly dob, DateOnly start, string home, bool first)
        {
            var ageAtStart = Age(dob, start);
            var cin = U() < 0.62 ? "N1" : Pick(CinOther);
            var ls = ageAtStart >= 10 && U() < 0.04 ? "J1" : Pick(InitialLegalStatus);
            var place = Pick(PlacesFor(ageAtStart));

            // When the period ends, if it does before the year ends (or by the 18th birthday).
            DateOnly? end = null;
            var eighteen = dob.AddYears(18);
            var leaveChance = start >= year.Start ? 0.35 : 0.25;
            if (U() < leaveChance)
            {
                var from = start >= year.Start ? start.AddDays(7) : year.Start;
                if (from <= year.End)
                {
                    end = from.AddDays(Between(0, Math.Max(0, year.End.DayNumber - from.DayNumber)));
                }
            }

            if (eighteen <= year.End && (end is null || end > eighteen))
            {
                end = eighteen;
            }

            var stop = end ?? year.End;
            var changes = new List<(DateOnly Date, string Rne)>();
            var d = start;
            while (true)
            {
                d = d.AddDays(Math.Max(7, (int)(-Math.Log(1 - U()) * options.MeanDaysBetweenChanges)));
                if (d >= stop || d > year.End)
                {
                    break;
                }

                var r = U();
                changes.Add((d, r < 0.62 ? "P" : r < 0.86 ? "L" : r < 0.94 ? "T" : "B"));
            }

            // Episodes: emit those that overlap the year.
            var decom = start;
            var rne = "S";
            var moveDates = new List<DateOnly>();
            for (var k = 0; k <= changes.Count; k++)
            {
                var isLast = k == changes.Count;
                var dec = isLast ? end : changes[k].Date;
                var next = isLast ? null : changes[k].Rne;
                string? rec = isLast ? (end is null ? null : LeaveReason(dob, end.Value, ls)) : "X1";
                var placeChange = next is "P" or "T" or "B";
                if (dec is null || dec >= year.Start)
                {
                    Add(new EpisodeRow
                    {
                        Child = id, Decom = decom, Rne = rne, Ls = ls, Cin = cin, Place = place, PlaceProvider = Provider(place), Dec = Ssda903Date.FromDateOnly(dec), Rec = rec,
                        ReasonPlaceChange = placeChange ? Pick(MoveReasons) : null, HomePost = place == "P1" ? null : home, PlPost = place == "P1" ? home : Postcode(), Urn = Urn(place),
                    });
                }

                if (isLast)
                {
                    break;
                }

                decom = changes[k].Date;
                rne = next!;
                var age = Age(dob, decom);
                if (rne is "L" or "B")
                {
                    ls = ls switch
                    {
                        "C1" => "C2",
                        "V2" => "C1",
                        "C2" when age < 6 => "E1",
                        "J1" => "V2",
                        _ => ls,
                    };
                }

                if (rne is "P" or "B")
                {
                    var newPlace = ls == "E1" && U() < 0.6 ? "A6" : Pick(PlacesFor(age));
                    place = newPlace;
                    moveDates.Add(decom);
                }
            }

            Reviews(id, dob, start, end, moveDates);
            return (end, end is null);
        }

        private string LeaveReason(DateOnly dob, DateOnly end, string ls)
        {
            var age = Age(dob, end);
            if (age >= 18)
            {
                return U() < 0.5 ? "E17" : Pick(AdultLeave);
            }

            if (ls == "E1" && age < 10)
            {
                return U() < 0.8 ? "E11" : "E12";
            }

            var r = U();
            return r switch
            {
                < 0.40 => "E4A",
                < 0.48 => "E4B",
                < 0.55 => "E13",
                < 0.62 => "E41",
                < 0.78 => Pick(SgoLeave),
                < 0.86 when age >= 16 => Pick(IndependentLeave),
                < 0.90 when age >= 14 => "E9",
                < 0.93 => "E3",
                _ => "E8",
            };
        }

        private static DateOnly AddWorkingDays(DateOnly date, int days)
        {
            var d = date;
            while (days > 0)
            {
                d = d.AddDays(1);
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    days--;
                }
            }

            return d;
        }

        private void Reviews(string id, DateOnly dob, DateOnly start, DateOnly? end, List<DateOnly> moves)
        {
            var last = end is { } e && e < year.End ? e : year.End;
            var late = U() < 0.1;

            // First review: due 20 working days after the start.
            var due = AddWorkingDays(start, 20);
            var held = late ? due.AddDays(Between(1, 25)) : AddWorkingDays(start, Between(8, 20));
            var number = 1;
            var moveIndex = 0;
            while (held <= last)
            {
                // A placement move before the next planned review brings an extra review forward.
                while (moveIndex < moves.Count && moves[moveIndex] < held.AddDays(-40))
                {
                    moveIndex++;
                }

                if (number > 1 && moveIndex < moves.Count && moves[moveIndex] < held && U() < 0.5)
                {
                    var extra = AddWorkingDays(moves[moveIndex], Between(10, 20));
                    moveIndex++;
                    if (extra < held && extra <= last)
                    {
                        held = extra;
                    }
                }

                if (held >= year.Start)
                {
                    Add(new ReviewRow { Child = id, Dob = dob, Review = held, ReviewCode = Code(dob, held) });
                }

                var previous = held;
                number++;
                late = U() < 0.08;
                if (number == 2)
                {
                    due = held.AddMonths(3);
                    held = late ? due.AddDays(Between(1, 30)) : due.AddDays(-Between(0, 21));
                }
                else
                {
                    due = held.AddMonths(6);
                    held = late ? due.AddDays(Between(1, 45)) : due.AddDays(-Between(0, 75));
                }

                // An additional review brought forward between two planned ones.
                if (options.AdditionalReviewRate > 0 && U() < options.AdditionalReviewRate)
                {
                    var gap = held.DayNumber - previous.DayNumber;
                    var extra = previous.AddDays(Math.Max(14, gap / 2) - Between(0, Math.Max(0, (gap / 2) - 14)));
                    if (extra > previous && extra < held && extra >= year.Start && extra <= last)
                    {
                        Add(new ReviewRow { Child = id, Dob = dob, Review = extra, ReviewCode = Code(dob, extra) });
                    }
                }
            }
        }

        private string Code(DateOnly dob, DateOnly review)
        {
            var fourth = dob.AddYears(4);
            if (review < fourth)
            {
                return "PN0";
            }

            if (review == fourth)
            {
                return U() < 0.5 ? "PN0" : "PN7";
            }

            var total = Participation.Sum(p => p.Weight);
            var x = rng.Next(total);
            foreach (var (code, weight) in Participation)
            {
                if (x < weight)
                {
                    return code;
                }

                x -= weight;
            }

            return "PN1";
        }

        private void Outcomes(string id, DateOnly dob)
        {
            var age = Age(dob, year.End);
            var sdq = age is >= 4 and <= 16;
            Add(new Oc2Row
            {
                Child = id, Dob = dob, SdqScore = sdq ? Between(0, 40).ToString(CultureInfo.InvariantCulture) : null, SdqReason = sdq ? null : "SDQ1",
                Convicted = age >= 10 && U() < 0.04 ? "1" : "0", HealthCheck = "1", Immunisations = U() < 0.9 ? "1" : "0", TeethCheck = U() < 0.85 ? "1" : "0",
                HealthAssessment = U() < 0.9 ? "1" : "0", SubstanceMisuse = "0",
            });
            if (age >= 11 && U() < 0.08)
            {
                var misStart = year.Start.AddDays(Between(0, 330));
                Add(new MissingRow { Child = id, Dob = dob, Missing = U() < 0.6 ? "M" : "A", MisStart = misStart, MisEnd = misStart.AddDays(Between(0, 6)) });
            }
        }

        private void CareLeaver(string id, string sexCode)
        {
            var dob = year.Start.AddYears(-Between(17, 21)).AddDays(Between(0, 364));
            Add(new HeaderRow { Child = id, SexCode = sexCode, Dob = dob, Ethnic = U() < 0.7 ? "WBRI" : Pick(EthnicOther), Upn = Upn() });
            Add(new Oc3Row
            {
                Child = id, Dob = dob, InTouch = U() < 0.85 ? "YES" : "NO", Activ = Pick(Oc3Activ),
                Accom = Pick(Oc3Accom),
            });
        }
    }
}
