namespace Iro.Ssda903.Tests;

/// <summary>The writer's order (CHILD ordinal, date, source row, then place in the list), whether or not the rows arrive in it.</summary>
public class WriterOrderTests
{
    public static TheoryData<string[], string[]> Orders => new()
    {
        // Already in order, with a tie (same child, date and row) kept in its place.
        { ["A1 2024-05-01 0 PN1", "A1 2024-05-01 0 PN2", "A1 2024-09-01 0 PN3", "B2 2024-01-01 0 PN4"], ["PN1", "PN2", "PN3", "PN4"] },
        // Out of order: sorted, the tie still in list order.
        { ["B2 2024-01-01 0 PN4", "A1 2024-05-01 0 PN1", "A1 2024-09-01 0 PN3", "A1 2024-05-01 0 PN2"], ["PN1", "PN2", "PN3", "PN4"] },
        // CHILD compares ordinally: upper case before lower case.
        { ["a1 2024-05-01 0 PN1", "B2 2024-05-01 0 PN2"], ["PN2", "PN1"] },
        // Same child and date: by source row.
        { ["A1 2024-05-01 2 PN2", "A1 2024-05-01 1 PN1"], ["PN1", "PN2"] },
        // The last pair out of order is enough to sort.
        { ["A1 2024-05-01 0 PN1", "A1 2024-09-01 0 PN3", "A1 2024-06-01 0 PN2"], ["PN1", "PN2", "PN3"] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Rows_come_out_in_the_writers_order(string[] rows, string[] expected)
    {
        var reviews = rows.Select(r => r.Split(' ')).Select(p => new ReviewRow
        {
            Child = p[0], Review = DateOnly.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), RowNumber = int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), ReviewCode = p[3],
        }).ToList();

        Assert.Equal(expected, Ssda903Writer.Ordered(reviews).Select(r => r.ReviewCode));
    }

    [Theory]
    [InlineData(2025, 4, 1, "01/04/2025")]
    [InlineData(2024, 2, 29, "29/02/2024")]
    [InlineData(999, 12, 31, "31/12/0999")]
    [InlineData(9999, 1, 9, "09/01/9999")]
    public void Dates_are_formatted_day_month_year_with_leading_zeros(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Ssda903Date.Format(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("01/04/2025", "01/04/2025")]
    [InlineData("1/4/2025", "01/04/2025")]
    [InlineData("02/04/2025", "01/04/2025")]
    [InlineData("01/04/2026", "01/04/2025")]
    public void A_dates_file_text_is_its_value_formatted_whatever_text_it_holds(string text, string expected) =>
        Assert.Equal(expected, new Ssda903Date(text, new DateOnly(2025, 4, 1)).ToFileText());
}
