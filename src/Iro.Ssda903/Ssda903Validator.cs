using System.Collections.Frozen;

namespace Iro.Ssda903;

/// <summary>A rule the validator implements: code, severity, tables and what it checks.</summary>
public sealed record Ssda903Rule(string Code, FindingSeverity Severity, string Message, string Logic);

/// <summary>
/// Validates a return against the review rules (166, 167, 399, 440, 441, 1012, INT08, INT17) and the core
/// header and episode checks. Dates are parsed once when rows are built; checks use dictionaries by CHILD.
/// </summary>
public static class Ssda903Validator
{
    private const FindingSeverity E = FindingSeverity.Error;
    private const FindingSeverity W = FindingSeverity.Warning;

    /// <summary>Every rule, in the order findings are produced.</summary>
    public static IReadOnlyList<Ssda903Rule> Rules { get; } =
    [
        new("101", E, "Gender code is not valid.", "Header SEX not in the year's list: 1/2 up to 2023-24, M/F/U from 2024-25 (blank is invalid)."),
        new("232", W, "Sex recorded as unknown (U).", "From 2024-25, Header SEX = U is queried."),
        new("102", E, "Date of birth is not a valid date.", "Header DOB blank or not a real DD/MM/YYYY date."),
        new("103", E, "The ethnicity code is either not valid or has not been entered.", "Header ETHNIC blank or not one of the 20 codes."),
        new("165", E, "Data entry for mother status is invalid.", "Header MOTHER not 0, 1 or blank (value check only)."),
        new("168", E, "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.", "Header UPN blank or not matching ^(?![IOS])[A-Z](\\d{12}|\\d{11}[A-Z])$ and not UN1-UN5."),
        new("171", E, "Date of birth of mother's child is not a valid date.", "Header MC_DOB present and not a valid date."),
        new("INT32", E, "Internal Check: Child should only exist once in Header.", "CHILD repeated in Header; every row of the child is flagged."),
        new("141", E, "Date episode began is not a valid date.", "Episodes DECOM blank or invalid."),
        new("147", E, "Date episode ceased is not a valid date.", "Episodes DEC present and invalid."),
        new("143", E, "The reason for new episode code is not a valid code.", "RNE present and not S, L, P, T, B, U."),
        new("144", E, "The legal status code is not a valid code.", "LS present and not in the legal status list."),
        new("145", E, "Category of need code is not a valid code.", "CIN present and not N1-N8."),
        new("146", E, "Placement type code is not a valid code.", "PLACE present and not in the year's list (K3 from 2024-25; Z11-Z14 replace H5, P2, Z1 from 2025-26; years before 2022-23 use the 2022-23 list)."),
        new("178", E, "Placement provider code is not a valid code.", "PLACE_PROVIDER present and either not PR0-PR5 or given for a placement that takes no provider (T0-T4, Z1 to 2024-25; T0-T3, Z11-Z14 from 2025-26)."),
        new("149", E, "Reason episode ceased code is not valid.", "REC present and not one of the 22 codes."),
        new("1009", E, "Reason for placement change is not a valid code.", "REASON_PLACE_CHANGE present and not one of the 12 codes."),
        new("148", E, "Date episode ceased and reason episode ceased must both be coded, or both left blank.", "DEC blank xor REC blank."),
        new("356", E, "The date the episode ceased is before the date the same episode started.", "DEC < DECOM."),
        new("501", E, "A new episode has started before the end date of the previous episode.", "Per child by DECOM: DECOM < previous DEC, or the previous episode is open (blank DEC)."),
        new("357", E, "If this is the first episode ever for this child, reason for new episode must be S.", "The child's earliest episode starts on or after the collection start and RNE is not S."),
        new("433", E, "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.", "RNE not S and the previous episode's DEC differs from DECOM: after a gap a new period must start with S."),
        new("INT03", E, "Internal Check: Child in Episodes does not exist in Header.", "Anti-join on CHILD."),
        new("166", E, "Date of review is invalid or blank.", "Reviews REVIEW blank or invalid."),
        new("167", E, "Data entry for participation is invalid or blank.", "Valid only if (REVIEW present and REVIEW_CODE in PN0-PN7) or both blank."),
        new("440", E, "Participation code indicates the child was under 4 at the time of the review, but the child was 4 or over.", "REVIEW_CODE = PN0 and REVIEW > DOB + 4 years (Reviews DOB); the 4th birthday passes."),
        new("441", E, "Participation code indicates the child was 4 or over at the time of the review, but the child was under 4.", "REVIEW_CODE in PN1-PN7 and REVIEW < DOB + 4 years; rows with a missing date are skipped; the 4th birthday passes."),
        new("399", E, "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.", "Children whose episodes are all V3/V4: flags Header rows with MOTHER or reviews, Reviews rows with REVIEW or REVIEW_CODE, and the child's Episodes."),
        new("1012", E, "No other data should be returned for OC3 children who had no episodes in the current year.", "Rows of PlacedAdoption, Missing, Reviews, AD1, PrevPerm and OC2 for a CHILD with no Episodes row (skipped when Episodes is empty)."),
        new("INT08", E, "Internal Check: Child in Reviews does not exist in Header.", "Anti-join on CHILD."),
        new("INT17", E, "Internal Check: DOB in Reviews is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT01", E, "Internal Check: Child in AD1 does not exist in Header.", "Anti-join on CHILD."),
        new("INT02", E, "Internal Check: Child in PlacedAdoption does not exist in Header.", "Anti-join on CHILD."),
        new("INT04", E, "Internal Check: Child in Missing does not exist in Header.", "Anti-join on CHILD."),
        new("INT05", E, "Internal Check: Child in OC2 does not exist in Header.", "Anti-join on CHILD."),
        new("INT06", E, "Internal Check: Child in OC3 does not exist in Header.", "Anti-join on CHILD."),
        new("INT07", E, "Internal Check: Child in PrevPerm does not exist in Header.", "Anti-join on CHILD."),
        new("INT09", E, "Internal Check: Child in UASC does not exist in Header.", "Anti-join on CHILD."),
        new("INT11", E, "Internal Check: DOB in AD1 is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT12", E, "Internal Check: DOB in PlacedAdoption is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT13", E, "Internal Check: DOB in Missing is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT14", E, "Internal Check: DOB in OC2 is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT15", E, "Internal Check: DOB in OC3 is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT16", E, "Internal Check: DOB in PrevPerm is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT18", E, "Internal Check: DOB in UASC is different to DOB in Header.", "Both DOBs valid and different."),
        new("INT21", E, "Internal Check: SEX in UASC is different to SEX in Header.", "Sexes (normalised to M/F/U) differ."),
        new("INT31", E, "Internal Check: Child should only exist once in AD1.", "CHILD repeated."),
        new("INT33", E, "Internal Check: Child should only exist once in OC2.", "CHILD repeated."),
        new("INT34", E, "Internal Check: Child should only exist once in OC3.", "CHILD repeated."),
        new("INT35", E, "Internal Check: Child should only exist once in PrevPerm.", "CHILD repeated."),
        new("INT36", E, "Internal Check: Child should only exist once in UASC.", "CHILD repeated."),
        new("1004", E, "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.", "Missing MIS_START blank or invalid."),
        new("1005", E, "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.", "Missing MIS_END present and invalid."),
        new("IRO01", W, "Row repeated exactly.", "Identical rows in Missing, PlacedAdoption, SWEpisodes or DoLo (every copy after the first)."),
        new("IRO02", E, "Duplicate key: the child has two rows for the same date.", "Episodes repeated (CHILD, DECOM) or Reviews repeated (CHILD, REVIEW); every copy after the first (the import keys)."),
        new("IRO03", E, "Child does not exist in Header.", "SWEpisodes and DoLo CHILD not in Header."),
        new("IRO04", E, "DOB is different to DOB in Header.", "SWEpisodes and DoLo DOB valid and different from Header DOB."),
        new("IRO05", W, "Table is not part of this year's collection.", "SWEpisodes rows before 2023-24, DoLo rows before 2026-27."),
        new("IRO06", E, "Date is not a valid date.", "Other date columns (DUC, DATE_INT, DATE_MATCH, DATE_PLACED, DATE_PLACED_CEASED, DATE_PERM (partial zz allowed), SW_DECOM, SW_DEC, DOLO_START, DOLO_END) present and invalid."),
    ];

    private static readonly FrozenDictionary<string, Ssda903Rule> ByCode = Rules.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>Validates the return for a collection year. Findings are ordered by rule, then table and row.</summary>
    public static IReadOnlyList<Finding> Validate(Ssda903Return ret, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(ret);
        ArgumentNullException.ThrowIfNull(year);
        var ctx = new Context(ret, year);
        ctx.Run();
        return ctx.Findings;
    }

    private sealed class Context(Ssda903Return ret, CollectionYear year, Dictionary<string, HeaderRow> header, Dictionary<string, List<int>> episodesByChild)
    {
        /// <summary>The groups of rules, each adding its findings to a context of its own, in the order they are taken.</summary>
        private static readonly Action<Context>[] Sections = [c => c.HeaderRules(), c => c.EpisodeRules(), c => c.ReviewRules(), c => c.OtherTableRules()];

        private readonly Dictionary<string, HeaderRow> _header = header;
        private readonly Dictionary<string, List<int>> _episodesByChild = episodesByChild;

        public Context(Ssda903Return ret, CollectionYear year)
            : this(ret, year, new Dictionary<string, HeaderRow>(ret.Header.Count, StringComparer.Ordinal), new Dictionary<string, List<int>>(ret.Header.Count, StringComparer.Ordinal))
        {
        }

        public List<Finding> Findings { get; } = [];

        public void Run()
        {
            foreach (var h in ret.Header)
            {
                _header.TryAdd(h.Child, h);
            }

            for (var i = 0; i < ret.Episodes.Count; i++)
            {
                var child = ret.Episodes[i].Child;
                if (!_episodesByChild.TryGetValue(child, out var list))
                {
                    _episodesByChild[child] = list = new List<int>(2);
                }

                list.Add(i);
            }

            // The groups only read the return and the two maps, so they run side by side; their findings are
            // joined in the same order as when they ran one after the other, so the sort below gives the same list.
            var sections = Sections.Select(_ => new Context(ret, year, _header, _episodesByChild)).ToArray();
            Parallel.For(0, sections.Length, i => Sections[i](sections[i]));
            foreach (var section in sections)
            {
                Findings.AddRange(section.Findings);
            }

            Findings.Sort(static (a, b) =>
            {
                var c = RuleOrder(a.RuleCode).CompareTo(RuleOrder(b.RuleCode));
                if (c != 0)
                {
                    return c;
                }

                c = Nullable.Compare(a.Table, b.Table);
                return c != 0 ? c : Nullable.Compare(a.RowNumber, b.RowNumber);
            });
        }

        private static readonly FrozenDictionary<string, int> Order = Rules.Select((r, i) => (r.Code, i)).ToFrozenDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

        private static int RuleOrder(string code) => Order.TryGetValue(code, out var i) ? i : int.MaxValue;

        private void Add(string code, Ssda903Row row, int index, params string[] fields)
        {
            var rule = ByCode[code];
            var columns = Ssda903Schema.Columns(row.Table);
            var raw = row.RawValues();
            var values = new string[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                var c = IndexOf(columns, fields[i]);
                values[i] = c >= 0 ? raw[c] ?? string.Empty : string.Empty;
            }

            Findings.Add(new Finding(code, rule.Severity, rule.Message, row.Table, row.RowNumber > 0 ? row.RowNumber : index + 1, fields, values) { Child = row.Child });
        }

        private static int IndexOf(IReadOnlyList<string> columns, string name)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i], name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool Bad(string? code, FrozenSet<string> list) => code is not null && !list.Contains(code);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void HeaderRules()
        {
            var sexCodes = Ssda903Codes.Sex(year);
            var counts = new Dictionary<string, int>(ret.Header.Count, StringComparer.Ordinal);
            foreach (var h in ret.Header)
            {
                counts[h.Child] = counts.GetValueOrDefault(h.Child) + 1;
            }

            for (var i = 0; i < ret.Header.Count; i++)
            {
                var h = ret.Header[i];
                if (h.SexCode is null || !sexCodes.Contains(h.SexCode))
                {
                    Add("101", h, i, "SEX");
                }

                if (year.UsesLetterSexCodes && h.SexCode == "U")
                {
                    Add("232", h, i, "SEX");
                }

                if (!h.Dob.IsValid)
                {
                    Add("102", h, i, "DOB");
                }

                if (h.Ethnic is null || !Ssda903Codes.Ethnic.Contains(h.Ethnic))
                {
                    Add("103", h, i, "ETHNIC");
                }

                if (Bad(h.Mother, Ssda903Codes.Mother))
                {
                    Add("165", h, i, "MOTHER");
                }

                if (!Ssda903Codes.IsValidUpn(h.Upn))
                {
                    Add("168", h, i, "UPN");
                }

                if (h.McDob.IsInvalid)
                {
                    Add("171", h, i, "MC_DOB");
                }

                if (counts[h.Child] > 1)
                {
                    Add("INT32", h, i, "CHILD");
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void EpisodeRules()
        {
            var eps = ret.Episodes;
            var places = Ssda903Codes.Place(year);
            var noProvider = Ssda903Codes.PlacesWithoutProvider(year);
            for (var i = 0; i < eps.Count; i++)
            {
                var e = eps[i];
                if (!e.Decom.IsValid)
                {
                    Add("141", e, i, "DECOM");
                }

                if (e.Dec.IsInvalid)
                {
                    Add("147", e, i, "DEC");
                }

                if (Bad(e.Rne, Ssda903Codes.Rne))
                {
                    Add("143", e, i, "RNE");
                }

                if (Bad(e.Ls, Ssda903Codes.LegalStatus))
                {
                    Add("144", e, i, "LS");
                }

                if (Bad(e.Cin, Ssda903Codes.CategoryOfNeed))
                {
                    Add("145", e, i, "CIN");
                }

                if (Bad(e.Place, places))
                {
                    Add("146", e, i, "PLACE");
                }

                if (e.PlaceProvider is not null && (!Ssda903Codes.PlaceProvider.Contains(e.PlaceProvider) || (e.Place is not null && noProvider.Contains(e.Place))))
                {
                    Add("178", e, i, "PLACE", "PLACE_PROVIDER");
                }

                if (Bad(e.Rec, Ssda903Codes.Rec))
                {
                    Add("149", e, i, "REC");
                }

                if (Bad(e.ReasonPlaceChange, Ssda903Codes.ReasonPlaceChange))
                {
                    Add("1009", e, i, "REASON_PLACE_CHANGE");
                }

                if (e.Dec.IsBlank != (e.Rec is null))
                {
                    Add("148", e, i, "DEC", "REC");
                }

                if (e.Dec.Value is { } dec && e.Decom.Value is { } decom && dec < decom)
                {
                    Add("356", e, i, "DECOM", "DEC");
                }

                if (!_header.ContainsKey(e.Child))
                {
                    Add("INT03", e, i, "CHILD");
                }
            }

            var sorted = new List<int>();
            foreach (var (_, indices) in _episodesByChild)
            {
                sorted.Clear();
                foreach (var i in indices)
                {
                    if (eps[i].Decom.Value is not null)
                    {
                        sorted.Add(i);
                    }
                }

                sorted.Sort((a, b) =>
                {
                    var c = eps[a].Decom.Value!.Value.CompareTo(eps[b].Decom.Value!.Value);
                    return c != 0 ? c : a.CompareTo(b);
                });
                if (sorted.Count == 0)
                {
                    continue;
                }

                var first = eps[sorted[0]];
                if (first.Decom.Value >= year.Start && first.Rne != "S")
                {
                    Add("357", first, sorted[0], "DECOM", "RNE");
                }

                for (var k = 1; k < sorted.Count; k++)
                {
                    var prev = eps[sorted[k - 1]];
                    var cur = eps[sorted[k]];
                    var decom = cur.Decom.Value!.Value;
                    if (prev.Dec.IsBlank || (prev.Dec.Value is { } pd && decom < pd))
                    {
                        Add("501", cur, sorted[k], "DECOM");
                    }

                    if (decom == prev.Decom.Value)
                    {
                        Add("IRO02", cur, sorted[k], "CHILD", "DECOM");
                    }

                    if (cur.Rne is not null && cur.Rne != "S" && prev.Dec.Value is { } prevDec && prevDec != decom)
                    {
                        Add("433", cur, sorted[k], "DECOM", "RNE");
                    }
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void ReviewRules()
        {
            var reviews = ret.Reviews;
            var hasEpisodes = ret.Episodes.Count > 0;
            var keys = new HashSet<(string, DateOnly)>(reviews.Count, ChildAndDate.Instance);
            for (var i = 0; i < reviews.Count; i++)
            {
                var r = reviews[i];
                if (!r.Review.IsValid)
                {
                    Add("166", r, i, "REVIEW");
                }

                var codeOk = r.ReviewCode is not null && Ssda903Codes.ReviewCode.Contains(r.ReviewCode);
                if (!((!r.Review.IsBlank && codeOk) || (r.Review.IsBlank && r.ReviewCode is null)))
                {
                    Add("167", r, i, "REVIEW", "REVIEW_CODE");
                }

                if (r.Review.Value is { } rd && r.Dob.Value is { } dob)
                {
                    var fourth = dob.AddYears(4);
                    if (r.ReviewCode == "PN0" && rd > fourth)
                    {
                        Add("440", r, i, "DOB", "REVIEW", "REVIEW_CODE");
                    }
                    else if (codeOk && r.ReviewCode != "PN0" && rd < fourth)
                    {
                        Add("441", r, i, "DOB", "REVIEW", "REVIEW_CODE");
                    }
                }

                if (hasEpisodes && !_episodesByChild.ContainsKey(r.Child))
                {
                    Add("1012", r, i, "CHILD");
                }

                if (!_header.TryGetValue(r.Child, out var h))
                {
                    Add("INT08", r, i, "CHILD");
                }
                else if (h.Dob.Value is { } hd && r.Dob.Value is { } rdob && hd != rdob)
                {
                    Add("INT17", r, i, "DOB");
                }

                if (r.Review.Value is { } key && !keys.Add((r.Child, key)))
                {
                    Add("IRO02", r, i, "CHILD", "REVIEW");
                }
            }

            Rule399();
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Rule399()
        {
            var shortBreakOnly = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (child, indices) in _episodesByChild)
            {
                if (indices.TrueForAll(i => ret.Episodes[i].Ls is { } ls && Ssda903Codes.ShortBreakLegalStatus.Contains(ls)))
                {
                    shortBreakOnly.Add(child);
                }
            }

            if (shortBreakOnly.Count == 0)
            {
                return;
            }

            var flagged = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < ret.Reviews.Count; i++)
            {
                var r = ret.Reviews[i];
                if (shortBreakOnly.Contains(r.Child) && (!r.Review.IsBlank || r.ReviewCode is not null))
                {
                    Add("399", r, i, "REVIEW", "REVIEW_CODE");
                    flagged.Add(r.Child);
                }
            }

            for (var i = 0; i < ret.Header.Count; i++)
            {
                var h = ret.Header[i];
                if (shortBreakOnly.Contains(h.Child) && (h.Mother is not null || flagged.Contains(h.Child)))
                {
                    Add("399", h, i, "MOTHER");
                    flagged.Add(h.Child);
                }
            }

            foreach (var child in flagged)
            {
                foreach (var i in _episodesByChild[child])
                {
                    Add("399", ret.Episodes[i], i, "LS");
                }
            }
        }

        private void OtherTableRules()
        {
            var hasEpisodes = ret.Episodes.Count > 0;
            ChildTable(ret.Ad1, "INT01", "INT11", "INT31", hasEpisodes);
            ChildTable(ret.PlacedAdoption, "INT02", "INT12", null, hasEpisodes);
            ChildTable(ret.Missing, "INT04", "INT13", null, hasEpisodes);
            ChildTable(ret.Oc2, "INT05", "INT14", "INT33", hasEpisodes);
            ChildTable(ret.Oc3, "INT06", "INT15", "INT34", false);
            ChildTable(ret.PrevPerm, "INT07", "INT16", "INT35", hasEpisodes);
            ChildTable(ret.Uasc, "INT09", "INT18", "INT36", false);
            ChildTable(ret.SwEpisodes, "IRO03", "IRO04", null, false);
            ChildTable(ret.DoLo, "IRO03", "IRO04", null, false);

            for (var i = 0; i < ret.Uasc.Count; i++)
            {
                var u = ret.Uasc[i];
                if (_header.TryGetValue(u.Child, out var h) && u.Sex != h.Sex)
                {
                    Add("INT21", u, i, "SEX");
                }

                DateCheck(u, i, u.Duc, "DUC");
            }

            for (var i = 0; i < ret.Missing.Count; i++)
            {
                var m = ret.Missing[i];
                if (!m.MisStart.IsValid)
                {
                    Add("1004", m, i, "MIS_START");
                }

                if (m.MisEnd.IsInvalid)
                {
                    Add("1005", m, i, "MIS_END");
                }
            }

            for (var i = 0; i < ret.Ad1.Count; i++)
            {
                DateCheck(ret.Ad1[i], i, ret.Ad1[i].DateInt, "DATE_INT");
                DateCheck(ret.Ad1[i], i, ret.Ad1[i].DateMatch, "DATE_MATCH");
            }

            for (var i = 0; i < ret.PlacedAdoption.Count; i++)
            {
                DateCheck(ret.PlacedAdoption[i], i, ret.PlacedAdoption[i].DatePlaced, "DATE_PLACED");
                DateCheck(ret.PlacedAdoption[i], i, ret.PlacedAdoption[i].DatePlacedCeased, "DATE_PLACED_CEASED");
            }

            for (var i = 0; i < ret.PrevPerm.Count; i++)
            {
                DateCheck(ret.PrevPerm[i], i, ret.PrevPerm[i].DatePerm, "DATE_PERM");
            }

            for (var i = 0; i < ret.SwEpisodes.Count; i++)
            {
                DateCheck(ret.SwEpisodes[i], i, ret.SwEpisodes[i].SwDecom, "SW_DECOM");
                DateCheck(ret.SwEpisodes[i], i, ret.SwEpisodes[i].SwDec, "SW_DEC");
            }

            for (var i = 0; i < ret.DoLo.Count; i++)
            {
                DateCheck(ret.DoLo[i], i, ret.DoLo[i].DoloStart, "DOLO_START");
                DateCheck(ret.DoLo[i], i, ret.DoLo[i].DoloEnd, "DOLO_END");
            }

            ExactDuplicates(ret.Missing);
            ExactDuplicates(ret.PlacedAdoption);
            ExactDuplicates(ret.SwEpisodes);
            ExactDuplicates(ret.DoLo);

            if (ret.SwEpisodes.Count > 0 && !year.CollectsSwEpisodes)
            {
                Add("IRO05", ret.SwEpisodes[0], 0, "CHILD");
            }

            if (ret.DoLo.Count > 0 && !year.CollectsDoLo)
            {
                Add("IRO05", ret.DoLo[0], 0, "CHILD");
            }
        }

        private void DateCheck(Ssda903Row row, int index, Ssda903Date date, string field)
        {
            if (date.IsInvalid)
            {
                Add("IRO06", row, index, field);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void ChildTable<T>(List<T> rows, string notInHeader, string dobDiffers, string? unique, bool check1012)
            where T : Ssda903Row
        {
            Dictionary<string, int>? counts = null;
            if (unique is not null)
            {
                counts = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
                foreach (var r in rows)
                {
                    counts[r.Child] = counts.GetValueOrDefault(r.Child) + 1;
                }
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (!_header.TryGetValue(r.Child, out var h))
                {
                    Add(notInHeader, r, i, "CHILD");
                }
                else if (h.Dob.Value is { } hd && DobOf(r).Value is { } rd && hd != rd)
                {
                    Add(dobDiffers, r, i, "DOB");
                }

                if (unique is not null && counts![r.Child] > 1)
                {
                    Add(unique, r, i, "CHILD");
                }

                if (check1012 && !_episodesByChild.ContainsKey(r.Child))
                {
                    Add("1012", r, i, "CHILD");
                }
            }
        }

        /// <summary>A (CHILD, date) key compared ordinally, without the general tuple comparer's indirections.</summary>
        private sealed class ChildAndDate : IEqualityComparer<(string Child, DateOnly Date)>
        {
            public static readonly ChildAndDate Instance = new();

            public bool Equals((string Child, DateOnly Date) x, (string Child, DateOnly Date) y) =>
                x.Date == y.Date && string.Equals(x.Child, y.Child, StringComparison.Ordinal);

            public int GetHashCode((string Child, DateOnly Date) key) => HashCode.Combine(key.Child.GetHashCode(StringComparison.Ordinal), key.Date.DayNumber);
        }

        private static Ssda903Date DobOf(Ssda903Row row) => row switch
        {
            UascRow r => r.Dob,
            MissingRow r => r.Dob,
            Oc2Row r => r.Dob,
            Oc3Row r => r.Dob,
            Ad1Row r => r.Dob,
            PlacedAdoptionRow r => r.Dob,
            PrevPermRow r => r.Dob,
            SwEpisodeRow r => r.Dob,
            DoLoRow r => r.Dob,
            ReviewRow r => r.Dob,
            HeaderRow r => r.Dob,
            _ => default,
        };

        private void ExactDuplicates<T>(List<T> rows)
            where T : Ssda903Row
        {
            var seen = new HashSet<string>(rows.Count, StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var key = string.Join('\u001F', rows[i].RawValues());
                if (!seen.Add(key))
                {
                    Add("IRO01", rows[i], i, [.. Ssda903Schema.Columns(rows[i].Table)]);
                }
            }
        }
    }
}
