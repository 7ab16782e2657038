using System.Text;

namespace Iro.Ssda903.Tests;

public class ReaderRobustnessTests
{
    private const string Reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n1,10/05/2010,20/06/2017,PN1\n2,11/05/2010,21/06/2017,pn2\n";

    private static void AssertTwoReviews(Ssda903ReadResult result)
    {
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(Ssda903Table.Reviews, Assert.Single(result.Sources).Key);
        Assert.Equal(2, result.Return.Reviews.Count);
        Assert.Equal("PN2", result.Return.Reviews[1].ReviewCode);
        Assert.Equal(new DateOnly(2017, 6, 21), result.Return.Reviews[1].Review.Value);
        Assert.Equal(2, result.Return.Reviews[1].RowNumber);
    }

    [Fact]
    public void Plain_utf8_is_read() => AssertTwoReviews(TestData.ReadText(Reviews));

    [Fact]
    public void Utf8_bom_is_stripped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Reviews)).ToArray();
        AssertTwoReviews(TestData.ReadBytes(bytes));
    }

    [Fact]
    public void Crlf_line_endings_are_read() => AssertTwoReviews(TestData.ReadText(Reviews.Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Fact]
    public void Quoted_fields_are_unquoted() =>
        AssertTwoReviews(TestData.ReadText("\"CHILD\",\"DOB\",REVIEW,REVIEW_CODE\n\"1\",\"10/05/2010\",\"20/06/2017\",PN1\n2,11/05/2010,\"21/06/2017\",\"pn2\"\n"));

    [Fact]
    public void Trailing_blanks_spaces_and_empty_lines_are_ignored() =>
        AssertTwoReviews(TestData.ReadText("CHILD,DOB,REVIEW,REVIEW_CODE,,\n 1 ,10/05/2010 ,20/06/2017,PN1,,\n\n2,11/05/2010,21/06/2017, pn2 ,,\n,,,,,\n\n"));

    [Fact]
    public void Column_order_and_file_name_do_not_matter()
    {
        var result = TestData.ReadText("review_code,REVIEW,child,DOB\nPN1,20/06/2017,1,10/05/2010\npn2,21/06/2017,2,11/05/2010\n", "whatever.txt");
        AssertTwoReviews(result);
        Assert.Equal("whatever.txt", result.Sources[Ssda903Table.Reviews]);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Utf16_gives_a_clear_finding(bool littleEndian, bool withBom)
    {
        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: withBom);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Reviews)).ToArray();
        var result = TestData.ReadBytes(bytes, "reviews.csv");
        var f = Assert.Single(result.Findings);
        Assert.Equal("READ-UTF16", f.RuleCode);
        Assert.Equal(FindingSeverity.Error, f.Severity);
        Assert.Contains("UTF-16; save as UTF-8", f.Message, StringComparison.Ordinal);
        Assert.Contains("reviews.csv", f.Message, StringComparison.Ordinal);
        Assert.Empty(result.Return.Reviews);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF")]
    public void Empty_file_gives_a_finding(string text)
    {
        var f = Assert.Single(TestData.ReadText(text).Findings);
        Assert.Equal("READ-EMPTY", f.RuleCode);
    }

    [Fact]
    public void Header_only_file_gives_an_empty_table()
    {
        var result = TestData.ReadText("CHILD,DOB,REVIEW,REVIEW_CODE\n");
        Assert.Empty(result.Findings);
        Assert.True(result.Sources.ContainsKey(Ssda903Table.Reviews));
        Assert.Empty(result.Return.Reviews);
    }

    [Fact]
    public void Truncated_last_row_is_reported_and_skipped()
    {
        var text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,10/05/2010,WBRI,A123456789012,,\n2,2,11/05/20";
        var result = TestData.ReadText(text, "header.csv");
        Assert.Single(result.Return.Header);
        var f = Assert.Single(result.Findings);
        Assert.Equal("READ-RAGGED", f.RuleCode);
        Assert.Equal(Ssda903Table.Header, f.Table);
        Assert.Equal(2, f.RowNumber);
        Assert.Contains("truncated", f.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_non_blank_field_is_reported()
    {
        var result = TestData.ReadText("CHILD,DOB,REVIEW,REVIEW_CODE\n1,10/05/2010,20/06/2017,PN1,EXTRA\n");
        Assert.Equal("READ-RAGGED", Assert.Single(result.Findings).RuleCode);
        Assert.Empty(result.Return.Reviews);
    }

    [Fact]
    public void Unknown_header_set_names_missing_and_unexpected_columns()
    {
        var result = TestData.ReadText("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN_NUMBER,LA\n1,01/01/2017\n", "episodes.csv");
        var f = Assert.Single(result.Findings);
        Assert.Equal("READ-UNKNOWN-COLUMNS", f.RuleCode);
        Assert.Contains("episodes.csv", f.Message, StringComparison.Ordinal);
        Assert.Contains("closest: Episodes", f.Message, StringComparison.Ordinal);
        Assert.Contains("missing columns: URN", f.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected columns: 'LA', 'URN_NUMBER'", f.Message, StringComparison.Ordinal);
        Assert.Equal(["URN", "LA", "URN_NUMBER"], f.Fields);
        Assert.Empty(result.Return.Episodes);
    }

    [Fact]
    public void Duplicate_column_is_reported() =>
        Assert.Equal("READ-DUPLICATE-COLUMN", Assert.Single(TestData.ReadText("CHILD,DOB,REVIEW,REVIEW_CODE,DOB\n").Findings).RuleCode);

    [Fact]
    public void Binary_content_is_reported()
    {
        var bytes = new byte[4000];
        new Random(7).NextBytes(bytes);
        Assert.Equal("READ-BINARY", Assert.Single(TestData.ReadBytes(bytes).Findings).RuleCode);
    }

    [Fact]
    public void Latin1_text_is_read_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("CHILD,DOB,REVIEW,REVIEW_CODE\n1,10/05/2010,20/06/2017,PN1\n2,11/05/2010,21/06/2017,PN2 é\n");
        var result = TestData.ReadBytes(bytes);
        Assert.Equal("READ-NOT-UTF8", Assert.Single(result.Findings).RuleCode);
        Assert.Equal(2, result.Return.Reviews.Count);
    }

    [Fact]
    public void Stray_quote_does_not_swallow_the_rest_of_the_file()
    {
        var result = TestData.ReadText("CHILD,DOB,REVIEW,REVIEW_CODE\n1,10/05/2010,\"20/06/2017,PN1\n2,11/05/2010,21/06/2017,PN2\n");
        Assert.Contains(result.Return.Reviews, r => r.Child == "2" && r.ReviewCode == "PN2");
    }

    [Fact]
    public void Invalid_dates_keep_their_text_for_findings()
    {
        var result = TestData.ReadText("CHILD,DOB,REVIEW,REVIEW_CODE\n1,10/05/2010,2017-06-20,PN1\n");
        var r = Assert.Single(result.Return.Reviews);
        Assert.Null(r.Review.Value);
        Assert.Equal("2017-06-20", r.Review.Text);
        Assert.True(r.Review.IsInvalid);
    }

    [Fact]
    public void Missing_directory_is_a_finding_not_an_exception()
    {
        var result = Ssda903Reader.ReadDirectory(Path.Combine(Path.GetTempPath(), "no-such-903-folder-" + Guid.NewGuid().ToString("N")), TestData.Year2017);
        Assert.Equal("READ-DIR", Assert.Single(result.Findings).RuleCode);
    }

    [Theory]
    [InlineData("<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID>")]
    [InlineData("not xml at all")]
    [InlineData("<OTHER/>")]
    [InlineData("")]
    public void Bad_xml_gives_findings(string xml)
    {
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var result = Ssda903Reader.ReadXml(ms, TestData.Year2017);
        Assert.Contains(result.Findings, f => f.Severity == FindingSeverity.Error && f.RuleCode.StartsWith("READ-", StringComparison.Ordinal));
    }

    [Fact]
    public void Xml_uasc_flag_makes_a_uasc_row()
    {
        const string xml = "<EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><SEX>1</SEX><DOB>01/02/2005</DOB><UASC>1</UASC><DUC>01/02/2023</DUC><EXTRA>x</EXTRA></HEADER>" +
            "<EPISODE><DECOM>01/05/2017</DECOM><RNE>S</RNE><PL>u4</PL></EPISODE></CHILD></EXPSSDA903>";
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var result = Ssda903Reader.ReadXml(ms, TestData.Year2017);
        var u = Assert.Single(result.Return.Uasc);
        Assert.Equal(new DateOnly(2023, 2, 1), u.Duc.Value);
        Assert.Equal("M", u.Sex);
        Assert.Equal("U4", Assert.Single(result.Return.Episodes).Place);
        Assert.Equal("READ-XML-UNKNOWN", Assert.Single(result.Findings).RuleCode);
    }
}
