namespace Iro.Ssda903.Tests;

public class FakeDataTests
{
    private static readonly Lazy<Ssda903ReadResult> Csv = new(() => Ssda903Reader.ReadDirectory(TestData.FakeDataDir, TestData.Year2017));

    private static readonly Lazy<Ssda903ReadResult> Xml = new(() => Ssda903Reader.ReadXmlFile(Path.Combine(TestData.FakeDataDir, "fake_903.xml"), TestData.Year2017));

    [Theory]
    [InlineData(Ssda903Table.Header, 2675)]
    [InlineData(Ssda903Table.Episodes, 5050)]
    [InlineData(Ssda903Table.Reviews, 12582)]
    [InlineData(Ssda903Table.Oc2, 2675)]
    [InlineData(Ssda903Table.PrevPerm, 2675)]
    [InlineData(Ssda903Table.Uasc, 132)]
    [InlineData(Ssda903Table.Oc3, 53)]
    [InlineData(Ssda903Table.Missing, 43)]
    [InlineData(Ssda903Table.Ad1, 29)]
    [InlineData(Ssda903Table.PlacedAdoption, 29)]
    [InlineData(Ssda903Table.SwEpisodes, 1)]
    [InlineData(Ssda903Table.DoLo, 1)]
    public void Csv_directory_row_counts_match_the_source_notes(Ssda903Table table, int rows) =>
        Assert.Equal(rows, Csv.Value.Return.Rows(table).Count);

    [Fact]
    public void Csv_directory_recognises_tables_by_header_set_and_ignores_the_second_placed_for_adoption_file()
    {
        var result = Csv.Value;
        Assert.Equal("placed_for_adoption.csv", result.Sources[Ssda903Table.PlacedAdoption]);
        Assert.Equal("sw_episodes.csv", result.Sources[Ssda903Table.SwEpisodes]);
        var dup = Assert.Single(result.Findings, f => f.RuleCode == "READ-DUPLICATE-TABLE");
        Assert.Equal("placed_for_adoption_errors.csv", dup.Source);
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Csv_values_are_parsed_into_typed_rows()
    {
        var ret = Csv.Value.Return;
        var first = ret.Episodes[0];
        Assert.Equal("566910", first.Child);
        Assert.Equal(new DateOnly(2016, 2, 15), first.Decom.Value);
        Assert.Equal("L", first.Rne);
        Assert.Equal("T2", first.Place);
        Assert.Equal(new DateOnly(2017, 8, 14), first.Dec.Value);
        Assert.Null(first.HomePost);
        Assert.Equal(1, first.RowNumber);
        Assert.Equal("F", ret.Header[0].Sex);
        Assert.Equal("2", ret.Header[0].SexCode);
        Assert.Equal(1333, ret.Header.Count(h => h.Sex == "M"));
        Assert.Equal(1413, ret.Episodes.Count(e => e.Dec.IsBlank));
        Assert.Equal("CHILD10", ret.SwEpisodes[0].Child);
        Assert.Equal("SWLAZY", ret.SwEpisodes[0].SwReason);
    }

    [Fact]
    public void Validation_of_the_fake_data_reports_the_participation_age_mismatches()
    {
        var findings = Ssda903Validator.Validate(Csv.Value.Return, TestData.Year2017);
        Assert.Equal(1435, findings.Count(f => f.RuleCode == "440"));
        Assert.Equal(663, findings.Count(f => f.RuleCode == "441"));
        Assert.All(findings.Where(f => f.RuleCode == "440"), f =>
        {
            Assert.Equal(Ssda903Table.Reviews, f.Table);
            Assert.Equal(["DOB", "REVIEW", "REVIEW_CODE"], f.Fields);
            Assert.Equal("PN0", f.Values[2]);
        });

        // CHILD10 (sw_episodes, DoLo) is not in the header; SWEpisodes and DoLo are not collected in 2017-18.
        Assert.Equal(2, findings.Count(f => f.RuleCode == "IRO03"));
        Assert.Equal(2, findings.Count(f => f.RuleCode == "IRO05"));
    }

    [Fact]
    public void Xml_counts_match_the_source_notes()
    {
        var result = Xml.Value;
        Assert.Empty(result.Findings);
        Assert.Equal(253, result.Return.Header.Count);
        Assert.Equal(459, result.Return.Episodes.Count);
        Assert.Equal(1206, result.Return.Reviews.Count);
        Assert.Equal(12, result.Return.Uasc.Count);
        Assert.Equal(6, result.Return.Oc3.Count);
        Assert.Equal(3, result.Return.Ad1.Count);
        Assert.Equal(3, result.Return.PlacedAdoption.Count);
        Assert.Equal(6, result.Return.Missing.Count);
        Assert.Equal(253, result.Return.Oc2.Count);
        Assert.Equal(253, result.Return.PrevPerm.Count);
    }

    [Fact]
    public void Xml_renames_childid_and_pl_and_takes_review_dob_from_the_header()
    {
        var ret = Xml.Value.Return;
        var h = ret.Header[0];
        Assert.Equal("907440", h.Child);
        Assert.Equal("O013219285333", h.Upn);
        var e = ret.Episodes[0];
        Assert.Equal("907440", e.Child);
        Assert.Equal("R5", e.Place);
        Assert.Equal("CUSTOD", e.ReasonPlaceChange);
        var r = ret.Reviews[0];
        Assert.Equal(h.Dob, r.Dob);
        Assert.Equal(new DateOnly(2015, 9, 27), r.Review.Value);
        Assert.Equal("PN0", r.ReviewCode);
        var findings = Ssda903Validator.Validate(ret, TestData.Year2017);
        Assert.Contains(findings, f => f.RuleCode == "440");
        Assert.Contains(findings, f => f.RuleCode == "441");
    }

    [Fact]
    public void Csv_round_trip_gives_the_same_records()
    {
        var original = Csv.Value.Return;
        var dir = TestData.TempDir();
        try
        {
            Ssda903Writer.WriteDirectory(original, dir);
            var again = Ssda903Reader.ReadDirectory(dir, TestData.Year2017);
            Assert.DoesNotContain(again.Findings, f => f.Severity == FindingSeverity.Error);
            Assert.Equal(TestData.Canonical(original), TestData.Canonical(again.Return));
            Assert.Equal(File.ReadAllText(Path.Combine(TestData.FakeDataDir, "header.csv")).Length, File.ReadAllText(Path.Combine(dir, "header.csv")).Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Xml_round_trip_gives_the_same_records()
    {
        var original = Xml.Value.Return;
        using var ms = new MemoryStream();
        Ssda903Writer.WriteXml(original, ms);
        ms.Position = 0;
        var again = Ssda903Reader.ReadXml(ms, TestData.Year2017);
        Assert.Empty(again.Findings);
        Assert.Equal(TestData.Canonical(original), TestData.Canonical(again.Return));
    }
}

public class ReturnLookupTests
{
    [Fact]
    public void Lookups_by_child_and_by_import_keys()
    {
        var ret = ValidatorRuleTests.Baseline();
        var e = ret.Episodes[0];
        var r = ret.Reviews[0];
        ret.Reviews.Add(r with { ReviewCode = "PN2" });
        Assert.Same(ret.Header[0], ret.HeaderByChild()["A1"]);
        Assert.Same(e, ret.EpisodesByKey()[("A1", e.Decom.Value!.Value)]);
        Assert.Same(r, ret.ReviewsByKey()[("A1", r.Review.Value!.Value)]);
        Assert.Single(ret.ReviewsByKey());
        Assert.Equal(2, ret.ReviewsByChild()["A1"].Count());
        Assert.Same(e, ret.FindEpisode("A1", e.Decom.Value!.Value));
        Assert.Null(ret.FindReview("A1", new DateOnly(2000, 1, 1)));
        Assert.Equal(["A1"], ret.Children());
    }
}
