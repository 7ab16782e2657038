using System.Globalization;
using System.Text;

namespace Iro.Ssda903.Tests;

/// <summary>
/// Cells are read from their bytes, a short plain value made into a string once per column: every shape of cell must
/// still read as its trimmed, upper-cased text (blank as null), and a column with more distinct values than are kept
/// must read each of them.
/// </summary>
public class CellStringsTests
{
    [Fact]
    public void Every_shape_of_cell_reads_as_its_normalised_text()
    {
        const string csv =
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" +
            "C1,M,01/02/2010,WBRI,A123456789012,0,\n" +
            "C1,m,01/02/2010, WBRI ,a123456789012,\"0\",   \n" +
            "C2,\"F\",\"03/04/2011\",wbri,A12345678901234567890,1,05/06/2030\n" +
            "C3,Fé,3/4/2011,\tAOTH\t,\"A1,2\",,zz/06/2030\n" +
            "C3,F,03/04/2011,MOTH ER,A123456789012,0,05/06/2030\n";
        var rows = TestData.ReadText(csv, "header.csv").Return.Header;

        Assert.Equal(5, rows.Count);
        Assert.Equal(["C1", "M", "01/02/2010", "WBRI", "A123456789012", "0", null], rows[0].RawValues());
        Assert.Equal(["C1", "M", "01/02/2010", "WBRI", "A123456789012", "0", null], rows[1].RawValues());
        Assert.Equal(["C2", "F", "03/04/2011", "WBRI", "A12345678901234567890", "1", "05/06/2030"], rows[2].RawValues());
        Assert.Equal(["C3", "FÉ", "3/4/2011", "AOTH", "A1,2", null, "ZZ/06/2030"], rows[3].RawValues());
        Assert.Equal(["C3", "F", "03/04/2011", "MOTH ER", "A123456789012", "0", "05/06/2030"], rows[4].RawValues());
        Assert.Equal(new DateOnly(2011, 4, 3), rows[2].Dob.Value);
        Assert.Null(rows[3].Dob.Value);
    }

    [Fact]
    public void A_column_with_more_distinct_values_than_are_kept_reads_each_of_them()
    {
        const int children = 40_000;
        var csv = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\n");
        for (var i = 0; i < children; i++)
        {
            // Each child twice in a row, and again at the end, so values repeat from the row before and from far back.
            var line = string.Create(CultureInfo.InvariantCulture, $"K{i:D9},01/01/2010,{Date(i)},PN{i % 8}\n");
            csv.Append(line).Append(line);
        }

        csv.Append("K000000007,01/01/2010,").Append(Date(7)).Append(",PN7\n");
        var reviews = TestData.ReadText(csv.ToString(), "reviews.csv").Return.Reviews;

        Assert.Equal((children * 2) + 1, reviews.Count);
        for (var i = 0; i < children; i++)
        {
            foreach (var r in new[] { reviews[2 * i], reviews[(2 * i) + 1] })
            {
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"K{i:D9}"), r.Child);
                Assert.Equal(Date(i), r.Review.Text);
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"PN{i % 8}"), r.ReviewCode);
            }
        }

        Assert.Equal("K000000007", reviews[^1].Child);
        Assert.Equal(Date(7), reviews[^1].Review.Text);
    }

    private static string Date(int i) => new DateOnly(2015, 1, 1).AddDays(i).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
