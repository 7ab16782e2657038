namespace Iro.Ssda903.Tests;

/// <summary>People open a return in a spreadsheet, where the header is row 1; findings name rows the same way.</summary>
public sealed class FindingRowNumberTests
{
    [Fact]
    public void Findings_count_rows_as_a_spreadsheet_does_with_the_header_as_row_1()
    {
        var text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,10/05/2010,WBRI,A123456789012,,\n2,2,11/05/20";
        var f = Assert.Single(TestData.ReadText(text, "header.csv").Findings);
        Assert.Equal(2, f.RowNumber);
        Assert.Equal(3, f.SheetRow);
        Assert.Contains("Header row 3:", f.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 3", f.Message, StringComparison.Ordinal);
    }
}
