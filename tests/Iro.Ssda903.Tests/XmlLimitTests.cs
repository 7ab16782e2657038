using System.Text;

namespace Iro.Ssda903.Tests;

/// <summary>The XML form is read within limits: nesting far beyond the 903 shape and over-long documents are refused.</summary>
public class XmlLimitTests
{
    /// <summary>About 1.4 MB, as in the reported file that kept the reader busy for minutes.</summary>
    private const int ReportedNesting = 200_000;

    private static byte[] Nested(string around, int depth)
    {
        var xml = new StringBuilder("<EXPSSDA903><CHILD>");
        xml.Append(around);
        for (var i = 0; i < depth; i++) xml.Append("<A>");
        for (var i = 0; i < depth; i++) xml.Append("</A>");
        xml.Append(around.Replace("<", "</", StringComparison.Ordinal)).Append("</CHILD></EXPSSDA903>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("<HEADER>")]
    public void Deeply_nested_elements_in_a_child_are_refused_with_the_reason(string around)
    {
        using var ms = new MemoryStream(Nested(around, ReportedNesting));
        var result = Ssda903Reader.ReadXml(ms, TestData.Year2017, "deep.xml");
        var finding = Assert.Single(result.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("READ-XML-DEPTH", finding.RuleCode);
        Assert.Equal("deep.xml", finding.Source);
        Assert.Contains($"more than {Ssda903Reader.MaxXmlDepth} deep", finding.Message, StringComparison.Ordinal);
        Assert.Empty(result.Return.Header);
    }

    [Fact]
    public void Deep_nesting_outside_a_child_is_refused_too()
    {
        var xml = new StringBuilder("<EXPSSDA903>");
        for (var i = 0; i < 1000; i++) xml.Append("<X>");
        for (var i = 0; i < 1000; i++) xml.Append("</X>");
        xml.Append("</EXPSSDA903>");
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(xml.ToString()));
        var result = Ssda903Reader.ReadXml(ms, TestData.Year2017, "deep.xml");
        Assert.Contains(result.Findings, f => f.RuleCode == "READ-XML-DEPTH");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var xml = new StringBuilder("<EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><EXTRA>");
        // EXPSSDA903 is depth 0, CHILD 1, HEADER 2, EXTRA 3: fill up to the limit exactly.
        var inner = Ssda903Reader.MaxXmlDepth - 3;
        for (var i = 0; i < inner; i++) xml.Append("<A>");
        for (var i = 0; i < inner; i++) xml.Append("</A>");
        xml.Append("</EXTRA></HEADER></CHILD></EXPSSDA903>");
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(xml.ToString()));
        var result = Ssda903Reader.ReadXml(ms, TestData.Year2017, "ok.xml");
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("7", Assert.Single(result.Return.Header).Child);
    }

    [Fact]
    public void A_document_longer_than_its_limit_is_refused()
    {
        var xml = Encoding.UTF8.GetBytes("<EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID></HEADER></CHILD>" + new string(' ', 5000) + "</EXPSSDA903>");
        using var ms = new MemoryStream(xml);
        var result = Ssda903Reader.ReadXml(ms, TestData.Year2017, "long.xml", maxCharacters: 1000);
        var finding = Assert.Single(result.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("READ-XML", finding.RuleCode);
        Assert.Contains("MaxCharactersInDocument", finding.Message, StringComparison.Ordinal);
    }
}
