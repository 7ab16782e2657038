namespace Iro.Ssda903.Tests;

/// <summary>Each rule with passing and failing rows, built as changes to a tiny valid return.</summary>
public class ValidatorRuleTests
{
    private static readonly DateOnly Dob = new(2010, 5, 10);

    internal static Ssda903Return Baseline(string yearName = "2017-18")
    {
        var year = CollectionYear.Parse(yearName);
        var ret = new Ssda903Return(year);
        ret.Header.Add(new HeaderRow { Child = "A1", SexCode = year.UsesLetterSexCodes ? "M" : "1", Dob = Dob, Ethnic = "WBRI", Upn = "A123456789012" });
        ret.Episodes.Add(new EpisodeRow { Child = "A1", Decom = year.Start.AddDays(61), Rne = "S", Ls = "C2", Cin = "N1", Place = "U4", PlaceProvider = "PR1" });
        ret.Reviews.Add(new ReviewRow { Child = "A1", Dob = Dob, Review = year.Start.AddDays(80), ReviewCode = "PN1" });
        return ret;
    }

    private static void H(Ssda903Return r, Func<HeaderRow, HeaderRow> f) => r.Header[0] = f(r.Header[0]);

    private static void Ep(Ssda903Return r, Func<EpisodeRow, EpisodeRow> f) => r.Episodes[0] = f(r.Episodes[0]);

    private static void Rv(Ssda903Return r, Func<ReviewRow, ReviewRow> f) => r.Reviews[0] = f(r.Reviews[0]);

    private static Ssda903Date D(string text) => Ssda903Date.Parse(text);

    private static EpisodeRow Second(Ssda903Return r) => r.Episodes[0] with { Rne = "P", Place = "U6" };

    private static readonly Dictionary<string, (string Year, Action<Ssda903Return> Change)> Cases = new()
    {
        ["baseline"] = ("2017-18", _ => { }),
        ["baseline-2024"] = ("2024-25", _ => { }),
        ["baseline-2025"] = ("2025-26", _ => { }),
        ["sex-2-before-2024"] = ("2017-18", r => H(r, h => h with { SexCode = "2" })),
        ["sex-M-before-2024"] = ("2023-24", r => H(r, h => h with { SexCode = "M" })),
        ["sex-1-from-2024"] = ("2024-25", r => H(r, h => h with { SexCode = "1" })),
        ["sex-F-from-2024"] = ("2024-25", r => H(r, h => h with { SexCode = "F" })),
        ["sex-U-from-2024"] = ("2024-25", r => H(r, h => h with { SexCode = "U" })),
        ["sex-blank"] = ("2017-18", r => H(r, h => h with { SexCode = null })),
        ["dob-31-feb"] = ("2017-18", r => H(r, h => h with { Dob = D("31/02/2010") })),
        ["dob-single-digits"] = ("2017-18", r => H(r, h => h with { Dob = D("1/5/2010") })),
        ["dob-blank"] = ("2017-18", r => H(r, h => h with { Dob = default })),
        ["ethnic-chne"] = ("2017-18", r => H(r, h => h with { Ethnic = "CHNE" })),
        ["ethnic-cnhe"] = ("2017-18", r => H(r, h => h with { Ethnic = "CNHE" })),
        ["ethnic-blank"] = ("2017-18", r => H(r, h => h with { Ethnic = null })),
        ["mother-1"] = ("2017-18", r => H(r, h => h with { Mother = "1" })),
        ["mother-2"] = ("2017-18", r => H(r, h => h with { Mother = "2" })),
        ["upn-starts-with-I"] = ("2017-18", r => H(r, h => h with { Upn = "I123456789012" })),
        ["upn-letter-check"] = ("2017-18", r => H(r, h => h with { Upn = "A12345678901B" })),
        ["upn-un3"] = ("2017-18", r => H(r, h => h with { Upn = "UN3" })),
        ["upn-un7"] = ("2017-18", r => H(r, h => h with { Upn = "UN7" })),
        ["upn-short"] = ("2017-18", r => H(r, h => h with { Upn = "A12345678901" })),
        ["mc-dob-invalid"] = ("2017-18", r => H(r, h => h with { McDob = D("00/01/2020") })),
        ["mc-dob-valid"] = ("2017-18", r => H(r, h => h with { McDob = D("01/01/2020") })),
        ["header-duplicate"] = ("2017-18", r => r.Header.Add(r.Header[0])),
        ["decom-blank"] = ("2017-18", r => Ep(r, e => e with { Decom = default })),
        ["decom-iso"] = ("2017-18", r => Ep(r, e => e with { Decom = D("2017-06-01") })),
        ["dec-invalid"] = ("2017-18", r => Ep(r, e => e with { Dec = D("01/13/2018"), Rec = "E4A" })),
        ["dec-and-rec"] = ("2017-18", r => Ep(r, e => e with { Dec = new DateOnly(2018, 1, 1), Rec = "E4A" })),
        ["dec-without-rec"] = ("2017-18", r => Ep(r, e => e with { Dec = new DateOnly(2018, 1, 1) })),
        ["rec-without-dec"] = ("2017-18", r => Ep(r, e => e with { Rec = "X1" })),
        ["dec-before-decom"] = ("2017-18", r => Ep(r, e => e with { Dec = e.Decom.Value!.Value.AddDays(-1), Rec = "E4A" })),
        ["dec-same-day"] = ("2017-18", r => Ep(r, e => e with { Dec = e.Decom, Rec = "E4A" })),
        ["rne-x"] = ("2017-18", r => Ep(r, e => e with { Rne = "X" })),
        ["ls-c3"] = ("2017-18", r => Ep(r, e => e with { Ls = "C3" })),
        ["ls-j3"] = ("2017-18", r => Ep(r, e => e with { Ls = "J3" })),
        ["cin-n9"] = ("2017-18", r => Ep(r, e => e with { Cin = "N9" })),
        ["place-k3-2023"] = ("2023-24", r => Ep(r, e => e with { Place = "K3", PlaceProvider = "PR4" })),
        ["place-k3-2024"] = ("2024-25", r => Ep(r, e => e with { Place = "K3", PlaceProvider = "PR4" })),
        ["place-h5-2024"] = ("2024-25", r => Ep(r, e => e with { Place = "H5", PlaceProvider = "PR4" })),
        ["place-h5-2025"] = ("2025-26", r => Ep(r, e => e with { Place = "H5", PlaceProvider = "PR4" })),
        ["place-p2-2017"] = ("2017-18", r => Ep(r, e => e with { Place = "P2", PlaceProvider = "PR4" })),
        ["place-z1-2025"] = ("2025-26", r => Ep(r, e => e with { Place = "Z1", PlaceProvider = null })),
        ["place-z11-2024"] = ("2024-25", r => Ep(r, e => e with { Place = "Z11", PlaceProvider = null })),
        ["place-z11-2025"] = ("2025-26", r => Ep(r, e => e with { Place = "Z11", PlaceProvider = null })),
        ["provider-pr9"] = ("2017-18", r => Ep(r, e => e with { PlaceProvider = "PR9" })),
        ["provider-for-t1"] = ("2017-18", r => Ep(r, e => e with { Place = "T1", PlaceProvider = "PR1" })),
        ["provider-for-t4-2025"] = ("2025-26", r => Ep(r, e => e with { Place = "T4", PlaceProvider = "PR1" })),
        ["provider-for-t4-2024"] = ("2024-25", r => Ep(r, e => e with { Place = "T4", PlaceProvider = "PR1" })),
        ["provider-blank-for-t1"] = ("2017-18", r => Ep(r, e => e with { Place = "T1", PlaceProvider = null })),
        ["rec-e99"] = ("2017-18", r => Ep(r, e => e with { Dec = new DateOnly(2018, 1, 1), Rec = "E99" })),
        ["rpc-foo"] = ("2017-18", r => Ep(r, e => e with { ReasonPlaceChange = "FOO" })),
        ["rpc-custod"] = ("2017-18", r => Ep(r, e => e with { ReasonPlaceChange = "CUSTOD" })),
        ["episodes-overlap"] = ("2017-18", r =>
        {
            Ep(r, e => e with { Dec = new DateOnly(2017, 9, 1), Rec = "X1" });
            r.Episodes.Add(Second(r) with { Decom = new DateOnly(2017, 8, 1) });
        }),
        ["episodes-contiguous"] = ("2017-18", r =>
        {
            Ep(r, e => e with { Dec = new DateOnly(2017, 9, 1), Rec = "X1" });
            r.Episodes.Add(Second(r) with { Decom = new DateOnly(2017, 9, 1) });
        }),
        ["episodes-after-open"] = ("2017-18", r => r.Episodes.Add(Second(r) with { Decom = new DateOnly(2017, 9, 1) })),
        ["episodes-same-decom"] = ("2017-18", r => r.Episodes.Add(Second(r))),
        ["first-episode-in-year-not-s"] = ("2017-18", r => Ep(r, e => e with { Rne = "P" })),
        ["first-episode-before-year-not-s"] = ("2017-18", r => Ep(r, e => e with { Rne = "P", Decom = new DateOnly(2016, 6, 1) })),
        ["gap-then-p"] = ("2017-18", r =>
        {
            Ep(r, e => e with { Dec = new DateOnly(2017, 9, 1), Rec = "E4A" });
            r.Episodes.Add(Second(r) with { Decom = new DateOnly(2017, 10, 1) });
        }),
        ["gap-then-s"] = ("2017-18", r =>
        {
            Ep(r, e => e with { Dec = new DateOnly(2017, 9, 1), Rec = "E4A" });
            r.Episodes.Add(Second(r) with { Decom = new DateOnly(2017, 10, 1), Rne = "S" });
        }),
        ["episode-child-not-in-header"] = ("2017-18", r => r.Episodes.Add(r.Episodes[0] with { Child = "B2" })),
        ["review-blank-date"] = ("2017-18", r => Rv(r, v => v with { Review = default })),
        ["review-38-april"] = ("2017-18", r => Rv(r, v => v with { Review = D("38/04/2019") })),
        ["review-two-digit-year"] = ("2017-18", r => Rv(r, v => v with { Review = D("01/01/19") })),
        ["review-code-pn8"] = ("2017-18", r => Rv(r, v => v with { ReviewCode = "PN8" })),
        ["review-code-blank"] = ("2017-18", r => Rv(r, v => v with { ReviewCode = null })),
        ["review-code-without-date"] = ("2017-18", r => Rv(r, v => v with { Review = default })),
        ["review-both-blank"] = ("2017-18", r => Rv(r, v => v with { Review = default, ReviewCode = null })),
        ["pn0-day-after-4th-birthday"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2013, 6, 19), Review = new DateOnly(2017, 6, 20), ReviewCode = "PN0" })),
        ["pn0-on-4th-birthday"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2013, 6, 20), Review = new DateOnly(2017, 6, 20), ReviewCode = "PN0" })),
        ["pn0-under-4"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2015, 1, 1), ReviewCode = "PN0" })),
        ["pn1-day-before-4th-birthday"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2013, 6, 21), Review = new DateOnly(2017, 6, 20), ReviewCode = "PN1" })),
        ["pn7-on-4th-birthday"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2013, 6, 20), Review = new DateOnly(2017, 6, 20), ReviewCode = "PN7" })),
        ["pn3-no-review-date"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2016, 1, 1), Review = default, ReviewCode = "PN3" })),
        ["all-v3-with-review"] = ("2017-18", r => Ep(r, e => e with { Ls = "V3" })),
        ["v3-and-c2-with-review"] = ("2017-18", r =>
        {
            Ep(r, e => e with { Ls = "V3", Dec = new DateOnly(2017, 9, 1), Rec = "X1" });
            r.Episodes.Add(Second(r) with { Decom = new DateOnly(2017, 9, 1), Rne = "L", Ls = "C2" });
        }),
        ["all-v4-no-review-no-mother"] = ("2017-18", r =>
        {
            Ep(r, e => e with { Ls = "V4" });
            r.Reviews.Clear();
        }),
        ["review-child-without-episodes"] = ("2017-18", r =>
        {
            r.Header.Add(r.Header[0] with { Child = "C3" });
            r.Reviews.Add(r.Reviews[0] with { Child = "C3" });
        }),
        ["review-child-not-in-header"] = ("2017-18", r => r.Reviews.Add(r.Reviews[0] with { Child = "B2" })),
        ["review-dob-differs"] = ("2017-18", r => Rv(r, v => v with { Dob = new DateOnly(2010, 5, 11) })),
        ["review-dob-invalid"] = ("2017-18", r => Rv(r, v => v with { Dob = D("xx") })),
        ["review-same-date-twice"] = ("2017-18", r => r.Reviews.Add(r.Reviews[0] with { ReviewCode = "PN2" })),
        ["uasc-same"] = ("2017-18", r => r.Uasc.Add(new UascRow { Child = "A1", SexCode = "1", Dob = Dob, Duc = new DateOnly(2028, 5, 10) })),
        ["uasc-sex-differs"] = ("2017-18", r => r.Uasc.Add(new UascRow { Child = "A1", SexCode = "2", Dob = Dob })),
        ["uasc-dob-differs"] = ("2017-18", r => r.Uasc.Add(new UascRow { Child = "A1", SexCode = "1", Dob = new DateOnly(2010, 5, 9) })),
        ["uasc-not-in-header"] = ("2017-18", r => r.Uasc.Add(new UascRow { Child = "B2", SexCode = "1", Dob = Dob })),
        ["uasc-twice"] = ("2017-18", r =>
        {
            r.Uasc.Add(new UascRow { Child = "A1", SexCode = "1", Dob = Dob });
            r.Uasc.Add(new UascRow { Child = "A1", SexCode = "1", Dob = Dob });
        }),
        ["uasc-duc-invalid"] = ("2017-18", r => r.Uasc.Add(new UascRow { Child = "A1", SexCode = "1", Dob = Dob, Duc = D("31/06/2028") })),
        ["missing-start-blank"] = ("2017-18", r => r.Missing.Add(new MissingRow { Child = "A1", Dob = Dob, Missing = "M" })),
        ["missing-end-invalid"] = ("2017-18", r => r.Missing.Add(new MissingRow { Child = "A1", Dob = Dob, Missing = "M", MisStart = new DateOnly(2017, 7, 1), MisEnd = D("2017-07-02") })),
        ["missing-repeated"] = ("2017-18", r =>
        {
            r.Missing.Add(new MissingRow { Child = "A1", Dob = Dob, Missing = "M", MisStart = new DateOnly(2017, 7, 1) });
            r.Missing.Add(new MissingRow { Child = "A1", Dob = Dob, Missing = "M", MisStart = new DateOnly(2017, 7, 1) });
        }),
        ["oc2-for-child-without-episodes"] = ("2017-18", r =>
        {
            r.Header.Add(r.Header[0] with { Child = "C3" });
            r.Oc2.Add(new Oc2Row { Child = "C3", Dob = Dob });
        }),
        ["oc3-for-child-without-episodes"] = ("2017-18", r =>
        {
            r.Header.Add(r.Header[0] with { Child = "C3" });
            r.Oc3.Add(new Oc3Row { Child = "C3", Dob = Dob, InTouch = "YES" });
        }),
        ["prevperm-partial-date"] = ("2017-18", r => r.PrevPerm.Add(new PrevPermRow { Child = "A1", Dob = Dob, PrevPerm = "P1", DatePerm = Ssda903Date.Parse("zz/05/2015", allowPartial: true) })),
        ["prevperm-bad-date"] = ("2017-18", r => r.PrevPerm.Add(new PrevPermRow { Child = "A1", Dob = Dob, PrevPerm = "P1", DatePerm = Ssda903Date.Parse("yy/05/2015", allowPartial: true) })),
        ["sw-episode-2017"] = ("2017-18", r => r.SwEpisodes.Add(new SwEpisodeRow { Child = "A1", Dob = Dob, SwId = "SW1", SwDecom = new DateOnly(2017, 6, 1) })),
        ["sw-episode-2023"] = ("2023-24", r => r.SwEpisodes.Add(new SwEpisodeRow { Child = "A1", Dob = Dob, SwId = "SW1", SwDecom = new DateOnly(2023, 6, 1) })),
        ["dolo-not-in-header-2026"] = ("2026-27", r => r.DoLo.Add(new DoLoRow { Child = "Z9", Dob = Dob, DoloStart = new DateOnly(2026, 6, 1) })),
    };

    [Theory]
    [InlineData("baseline", null, false)]
    [InlineData("baseline-2024", null, false)]
    [InlineData("baseline-2025", null, false)]
    [InlineData("sex-2-before-2024", "101", false)]
    [InlineData("sex-M-before-2024", "101", true)]
    [InlineData("sex-1-from-2024", "101", true)]
    [InlineData("sex-F-from-2024", "101", false)]
    [InlineData("sex-U-from-2024", "101", false)]
    [InlineData("sex-U-from-2024", "232", true)]
    [InlineData("sex-F-from-2024", "232", false)]
    [InlineData("sex-blank", "101", true)]
    [InlineData("dob-31-feb", "102", true)]
    [InlineData("dob-single-digits", "102", true)]
    [InlineData("dob-blank", "102", true)]
    [InlineData("ethnic-chne", "103", false)]
    [InlineData("ethnic-cnhe", "103", true)]
    [InlineData("ethnic-blank", "103", true)]
    [InlineData("mother-1", "165", false)]
    [InlineData("mother-2", "165", true)]
    [InlineData("upn-starts-with-I", "168", true)]
    [InlineData("upn-letter-check", "168", false)]
    [InlineData("upn-un3", "168", false)]
    [InlineData("upn-un7", "168", true)]
    [InlineData("upn-short", "168", true)]
    [InlineData("mc-dob-invalid", "171", true)]
    [InlineData("mc-dob-valid", "171", false)]
    [InlineData("header-duplicate", "INT32", true)]
    [InlineData("decom-blank", "141", true)]
    [InlineData("decom-iso", "141", true)]
    [InlineData("dec-invalid", "147", true)]
    [InlineData("dec-and-rec", "147", false)]
    [InlineData("dec-and-rec", "148", false)]
    [InlineData("dec-without-rec", "148", true)]
    [InlineData("rec-without-dec", "148", true)]
    [InlineData("dec-before-decom", "356", true)]
    [InlineData("dec-same-day", "356", false)]
    [InlineData("rne-x", "143", true)]
    [InlineData("ls-c3", "144", true)]
    [InlineData("ls-j3", "144", false)]
    [InlineData("cin-n9", "145", true)]
    [InlineData("place-k3-2023", "146", true)]
    [InlineData("place-k3-2024", "146", false)]
    [InlineData("place-h5-2024", "146", false)]
    [InlineData("place-h5-2025", "146", true)]
    [InlineData("place-p2-2017", "146", false)]
    [InlineData("place-z1-2025", "146", true)]
    [InlineData("place-z11-2024", "146", true)]
    [InlineData("place-z11-2025", "146", false)]
    [InlineData("provider-pr9", "178", true)]
    [InlineData("provider-for-t1", "178", true)]
    [InlineData("provider-blank-for-t1", "178", false)]
    [InlineData("provider-for-t4-2024", "178", true)]
    [InlineData("provider-for-t4-2025", "178", false)]
    [InlineData("rec-e99", "149", true)]
    [InlineData("dec-and-rec", "149", false)]
    [InlineData("rpc-foo", "1009", true)]
    [InlineData("rpc-custod", "1009", false)]
    [InlineData("episodes-overlap", "501", true)]
    [InlineData("episodes-contiguous", "501", false)]
    [InlineData("episodes-contiguous", "433", false)]
    [InlineData("episodes-after-open", "501", true)]
    [InlineData("episodes-same-decom", "IRO02", true)]
    [InlineData("first-episode-in-year-not-s", "357", true)]
    [InlineData("first-episode-before-year-not-s", "357", false)]
    [InlineData("gap-then-p", "433", true)]
    [InlineData("gap-then-s", "433", false)]
    [InlineData("episode-child-not-in-header", "INT03", true)]
    [InlineData("review-blank-date", "166", true)]
    [InlineData("review-38-april", "166", true)]
    [InlineData("review-two-digit-year", "166", true)]
    [InlineData("review-code-pn8", "167", true)]
    [InlineData("review-code-blank", "167", true)]
    [InlineData("review-code-without-date", "167", true)]
    [InlineData("review-both-blank", "167", false)]
    [InlineData("review-both-blank", "166", true)]
    [InlineData("pn0-day-after-4th-birthday", "440", true)]
    [InlineData("pn0-on-4th-birthday", "440", false)]
    [InlineData("pn0-on-4th-birthday", "441", false)]
    [InlineData("pn0-under-4", "440", false)]
    [InlineData("pn1-day-before-4th-birthday", "441", true)]
    [InlineData("pn7-on-4th-birthday", "441", false)]
    [InlineData("pn7-on-4th-birthday", "440", false)]
    [InlineData("pn3-no-review-date", "441", false)]
    [InlineData("all-v3-with-review", "399", true)]
    [InlineData("v3-and-c2-with-review", "399", false)]
    [InlineData("all-v4-no-review-no-mother", "399", false)]
    [InlineData("review-child-without-episodes", "1012", true)]
    [InlineData("baseline", "1012", false)]
    [InlineData("review-child-not-in-header", "INT08", true)]
    [InlineData("review-dob-differs", "INT17", true)]
    [InlineData("review-dob-invalid", "INT17", false)]
    [InlineData("review-same-date-twice", "IRO02", true)]
    [InlineData("uasc-same", null, false)]
    [InlineData("uasc-sex-differs", "INT21", true)]
    [InlineData("uasc-dob-differs", "INT18", true)]
    [InlineData("uasc-not-in-header", "INT09", true)]
    [InlineData("uasc-twice", "INT36", true)]
    [InlineData("uasc-duc-invalid", "IRO06", true)]
    [InlineData("missing-start-blank", "1004", true)]
    [InlineData("missing-end-invalid", "1005", true)]
    [InlineData("missing-repeated", "IRO01", true)]
    [InlineData("oc2-for-child-without-episodes", "1012", true)]
    [InlineData("oc3-for-child-without-episodes", "1012", false)]
    [InlineData("prevperm-partial-date", "IRO06", false)]
    [InlineData("prevperm-bad-date", "IRO06", true)]
    [InlineData("sw-episode-2017", "IRO05", true)]
    [InlineData("sw-episode-2023", "IRO05", false)]
    [InlineData("dolo-not-in-header-2026", "IRO03", true)]
    public void Rule_fires_only_on_failing_rows(string caseName, string? rule, bool fires)
    {
        var (yearName, change) = Cases[caseName];
        var ret = Baseline(yearName);
        change(ret);
        var findings = Ssda903Validator.Validate(ret, ret.Year);
        if (rule is null)
        {
            Assert.Empty(findings);
            return;
        }

        var hits = findings.Where(f => f.RuleCode == rule).ToList();
        if (!fires)
        {
            Assert.Empty(hits);
            return;
        }

        Assert.NotEmpty(hits);
        Assert.All(hits, f =>
        {
            Assert.NotNull(f.Table);
            Assert.True(f.RowNumber >= 1);
            Assert.Equal(f.Fields.Count, f.Values.Count);
            Assert.Equal(Ssda903Validator.Rules.Single(r => r.Code == rule).Severity, f.Severity);
        });
    }

    [Fact]
    public void Rule_399_flags_the_review_the_header_and_the_episodes()
    {
        var ret = Baseline();
        Ep(ret, e => e with { Ls = "V3" });
        var tables = Ssda903Validator.Validate(ret, ret.Year).Where(f => f.RuleCode == "399").Select(f => f.Table).ToHashSet();
        Assert.Equal([Ssda903Table.Header, Ssda903Table.Episodes, Ssda903Table.Reviews], tables.Order().Cast<Ssda903Table>());
    }

    [Fact]
    public void Findings_quote_the_raw_values_and_row_numbers()
    {
        var ret = Baseline();
        ret.Reviews.Add(ret.Reviews[0] with { RowNumber = 7, Review = Ssda903Date.Parse("38/04/2019"), ReviewCode = "pn9".ToUpperInvariant() });
        var f = Assert.Single(Ssda903Validator.Validate(ret, ret.Year), f => f.RuleCode == "166");
        Assert.Equal(7, f.RowNumber);
        Assert.Equal(["REVIEW"], f.Fields);
        Assert.Equal(["38/04/2019"], f.Values);
        Assert.Equal("A1", f.Child);
    }

    [Fact]
    public void Every_rule_in_the_list_has_a_case_that_fires_it()
    {
        var tested = typeof(ValidatorRuleTests).GetMethod(nameof(Rule_fires_only_on_failing_rows))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => a.GetData(null!).Single())
            .Where(d => d[2] is true)
            .Select(d => (string)d[1]!)
            .ToHashSet();
        var untested = Ssda903Validator.Rules.Select(r => r.Code).Where(c => !tested.Contains(c)).ToList();
        tested.UnionWith(["INT01", "INT02", "INT04", "INT05", "INT06", "INT07", "INT11", "INT12", "INT13", "INT14", "INT15", "INT16", "INT31", "INT33", "INT34", "INT35", "IRO04"]);
        untested = Ssda903Validator.Rules.Select(r => r.Code).Where(c => !tested.Contains(c)).ToList();
        Assert.True(untested.Count == 0, "Rules without a failing case: " + string.Join(", ", untested));
        Assert.Contains("440", tested);
        Assert.Contains("441", tested);
    }

    private static Ssda903Row ChildRow(Ssda903Table table, string child, string dob)
    {
        var values = new string?[Ssda903Schema.Columns(table).Count];
        values[0] = child;
        values[1] = dob;
        return RowFactory.Create(table, 0, values);
    }

    /// <summary>Covered by <see cref="Child_tables_check_header_presence_dob_and_uniqueness"/> (asserted in the rule coverage test).</summary>
    [Theory]
    [InlineData(Ssda903Table.Ad1, "INT01", "INT11", "INT31")]
    [InlineData(Ssda903Table.PlacedAdoption, "INT02", "INT12", null)]
    [InlineData(Ssda903Table.Missing, "INT04", "INT13", null)]
    [InlineData(Ssda903Table.Oc2, "INT05", "INT14", "INT33")]
    [InlineData(Ssda903Table.Oc3, "INT06", "INT15", "INT34")]
    [InlineData(Ssda903Table.PrevPerm, "INT07", "INT16", "INT35")]
    [InlineData(Ssda903Table.SwEpisodes, "IRO03", "IRO04", null)]
    [InlineData(Ssda903Table.DoLo, "IRO03", "IRO04", null)]
    public void Child_tables_check_header_presence_dob_and_uniqueness(Ssda903Table table, string notInHeader, string dobDiffers, string? unique)
    {
        static IReadOnlyList<string> Codes(Ssda903Return r) => Ssda903Validator.Validate(r, r.Year).Select(f => f.RuleCode).ToList();

        var ok = Baseline();
        ok.Add(ChildRow(table, "A1", "10/05/2010"));
        Assert.DoesNotContain(notInHeader, Codes(ok));
        Assert.DoesNotContain(dobDiffers, Codes(ok));

        var absent = Baseline();
        absent.Add(ChildRow(table, "B2", "10/05/2010"));
        Assert.Contains(notInHeader, Codes(absent));

        var otherDob = Baseline();
        otherDob.Add(ChildRow(table, "A1", "11/05/2010"));
        Assert.Contains(dobDiffers, Codes(otherDob));

        if (unique is not null)
        {
            Assert.DoesNotContain(unique, Codes(ok));
            var twice = Baseline();
            twice.Add(ChildRow(table, "A1", "10/05/2010"));
            twice.Add(ChildRow(table, "A1", "10/05/2010"));
            Assert.Contains(unique, Codes(twice));
        }
    }
}
