using System.Text;

namespace Iro.Ssda903.Tests;

public class WriterTests
{
    private static Ssda903Return Sample(string year)
    {
        var ret = new Ssda903Return(CollectionYear.Parse(year));
        ret.Header.Add(new HeaderRow { Child = "B2", SexCode = "F", Dob = new DateOnly(2011, 2, 3), Ethnic = "WBRI", Upn = "UN1" });
        ret.Header.Add(new HeaderRow { Child = "A1", SexCode = "1", Dob = new DateOnly(2010, 5, 10), Ethnic = "BAFR", Upn = "UN2", Mother = "0" });
        ret.Reviews.Add(new ReviewRow { Child = "A1", Dob = new DateOnly(2010, 5, 10), Review = new DateOnly(2024, 9, 1), ReviewCode = "PN3" });
        ret.Reviews.Add(new ReviewRow { Child = "A1", Dob = new DateOnly(2010, 5, 10), Review = new DateOnly(2024, 5, 1), ReviewCode = "PN1" });
        return ret;
    }

    [Theory]
    [InlineData("2023-24", "A1,1,10/05/2010,BAFR,UN2,0,\nB2,2,03/02/2011,WBRI,UN1,,\n")]
    [InlineData("2024-25", "A1,M,10/05/2010,BAFR,UN2,0,\nB2,F,03/02/2011,WBRI,UN1,,\n")]
    public void Sex_is_written_in_the_years_coding(string year, string rows)
    {
        var text = Ssda903Writer.WriteCsvText(Sample(year), Ssda903Table.Header);
        Assert.Equal("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + rows, text);
    }

    [Fact]
    public void Sex_read_in_one_coding_and_written_in_the_other_keeps_its_meaning()
    {
        var old = TestData.ReadText("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,1,01/01/2010,WBRI,UN1,,\nB,2,01/01/2010,WBRI,UN1,,\n", "h.csv", CollectionYear.Parse("2023-24"));
        var text = Ssda903Writer.WriteCsvText(old.Return, Ssda903Table.Header, CollectionYear.Parse("2024-25"));
        Assert.Contains("A,M,", text, StringComparison.Ordinal);
        Assert.Contains("B,F,", text, StringComparison.Ordinal);
        var back = TestData.ReadText(text, "h.csv", CollectionYear.Parse("2024-25")).Return.Header;
        Assert.Equal(["M", "F"], back.Select(h => h.Sex));
        var again = new Ssda903Return(CollectionYear.Parse("2024-25"));
        again.Header.AddRange(back);
        Assert.DoesNotContain(Ssda903Validator.Validate(again, again.Year), f => f.RuleCode == "101");
    }

    [Fact]
    public void Rows_are_ordered_by_child_then_date_with_lf_and_no_bom()
    {
        var ret = Sample("2024-25");
        using var ms = new MemoryStream();
        Ssda903Writer.WriteCsv(ret, Ssda903Table.Reviews, ms);
        var bytes = ms.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal("CHILD,DOB,REVIEW,REVIEW_CODE\nA1,10/05/2010,01/05/2024,PN1\nA1,10/05/2010,01/09/2024,PN3\n", text);
    }

    [Fact]
    public void Values_needing_quotes_are_quoted_and_read_back()
    {
        var ret = new Ssda903Return(TestData.Year2017);
        ret.Episodes.Add(new EpisodeRow { Child = "A1", Decom = new DateOnly(2017, 5, 1), Rne = "S", PlPost = "AB1, 2CD", Urn = "SC\"1" });
        var text = Ssda903Writer.WriteCsvText(ret, Ssda903Table.Episodes);
        Assert.Contains("\"AB1, 2CD\"", text, StringComparison.Ordinal);
        var back = TestData.ReadText(text).Return.Episodes.Single();
        Assert.Equal("AB1, 2CD", back.PlPost);
        Assert.Equal("SC\"1", back.Urn);
    }

    [Fact]
    public void Write_directory_uses_the_usual_names_and_exact_headers()
    {
        var ret = Sample("2024-25");
        ret.Uasc.Add(new UascRow { Child = "A1", SexCode = "M", Dob = new DateOnly(2010, 5, 10) });
        var dir = TestData.TempDir();
        try
        {
            var files = Ssda903Writer.WriteDirectory(ret, dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["episodes.csv", "header.csv", "reviews.csv", "uasc.csv"], files);
            Assert.Equal("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n", File.ReadAllText(Path.Combine(dir, "episodes.csv")));
            Assert.Equal("CHILD,SEX,DOB,DUC\nA1,M,10/05/2010,\n", File.ReadAllText(Path.Combine(dir, "uasc.csv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Xml_uses_childid_pl_and_areview()
    {
        var ret = Sample("2017-18");
        ret.Episodes.Add(new EpisodeRow { Child = "A1", Decom = new DateOnly(2017, 5, 1), Rne = "S", Place = "U4" });
        using var ms = new MemoryStream();
        Ssda903Writer.WriteXml(ret, ms);
        var xml = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains("<CHILDID>A1</CHILDID>", xml, StringComparison.Ordinal);
        Assert.Contains("<SEX>2</SEX>", xml, StringComparison.Ordinal);
        Assert.Contains("<PL>U4</PL>", xml, StringComparison.Ordinal);
        Assert.Contains("<AREVIEW>", xml, StringComparison.Ordinal);
        Assert.StartsWith("<?xml", xml, StringComparison.Ordinal);
        Assert.Contains("<EXPSSDA903>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_return_round_trips_through_csv_and_xml()
    {
        var year = CollectionYear.Parse("2024-25");
        var ret = Synthetic.SyntheticReturnGenerator.Generate(300, 11, year);
        var dir = TestData.TempDir();
        try
        {
            Ssda903Writer.WriteDirectory(ret, dir);
            var csv = Ssda903Reader.ReadDirectory(dir, year);
            Assert.Empty(csv.Findings);
            Assert.Equal(TestData.Canonical(ret), TestData.Canonical(csv.Return));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        using var ms = new MemoryStream();
        Ssda903Writer.WriteXml(ret, ms);
        ms.Position = 0;
        var xml = Ssda903Reader.ReadXml(ms, year);
        Assert.Empty(xml.Findings);
        var xmlTables = Ssda903Schema.Tables.Where(t => t is not (Ssda903Table.SwEpisodes or Ssda903Table.DoLo)).ToArray();
        Assert.Equal(TestData.Canonical(ret, xmlTables), TestData.Canonical(xml.Return, xmlTables));
    }
}
