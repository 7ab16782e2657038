namespace Iro.Ssda903.Tests;

public sealed class CreateRowTests
{
    [Fact]
    public void A_row_rebuilt_from_its_raw_cells_is_the_row_read()
    {
        var read = TestData.ReadText("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n 101 ,01/02/2010,z1,,zz/05/2015\n");
        var row = Assert.IsType<PrevPermRow>(Assert.Single(read.Return.PrevPerm));

        var rebuilt = Assert.IsType<PrevPermRow>(Ssda903Schema.CreateRow(Ssda903Table.PrevPerm, row.RawValues()));

        Assert.Equal(row with { RowNumber = 0 }, rebuilt);
        Assert.Equal(new DateOnly(2015, 5, 31), rebuilt.DatePerm.Value);
    }

    [Fact]
    public void The_wrong_number_of_cells_is_refused() =>
        Assert.Throws<ArgumentException>(() => Ssda903Schema.CreateRow(Ssda903Table.Oc3, ["1", "01/01/2000"]));
}
