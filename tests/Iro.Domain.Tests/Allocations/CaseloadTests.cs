using Iro.Domain.Allocations;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Allocations;

public class CaseloadTests
{
    [Theory]
    // Brent 2017/18: 318 children over 5.0 FTE.
    [InlineData(318, "5.0", "63.6")]
    // 10 / 3 = 3.333… → 3.3; 5 / 3 = 1.666… → 1.7.
    [InlineData(10, "3", "3.3")]
    [InlineData(5, "3", "1.7")]
    // Exactly half: 0.25 / 1 → 0.3 (half up), 63.25 → 63.3.
    [InlineData(1, "4", "0.3")]
    [InlineData(253, "4", "63.3")]
    [InlineData(0, "1.5", "0.0")]
    public void Children_per_FTE_to_one_decimal_place_rounded_half_up(int children, string fte, string perFte)
    {
        Assert.Equal(decimal.Parse(perFte, System.Globalization.CultureInfo.InvariantCulture),
            new Caseload(1, decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture), children).PerFte);
    }

    [Fact]
    public void No_FTE_gives_no_figure_and_parts_add_up()
    {
        Assert.Null(new Caseload(0, 0, 0).PerFte);
        var service = Caseload.Sum([new Caseload(2, 2.0m, 128), new Caseload(10, 3.0m, 190)]);
        Assert.Equal(new Caseload(12, 5.0m, 318), service);
        Assert.Equal(63.6m, service.PerFte);
    }

    [Theory]
    [InlineData("49.9", BandPosition.Under)]
    [InlineData("50", BandPosition.Within)]
    [InlineData("70", BandPosition.Within)]
    [InlineData("70.1", BandPosition.Over)]
    public void The_band_includes_both_ends(string perFte, BandPosition expected)
    {
        Assert.Equal(expected, new CaseloadBand().PositionOf(decimal.Parse(perFte, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2017-03-31", "1.0")]
    [InlineData("2017-04-01", "0.5")]
    [InlineData("2017-12-31", "0.5")]
    [InlineData("2018-01-01", "0.8")]
    public void FTE_is_the_latest_change_on_or_before_the_date(string date, string fte)
    {
        FteChange[] changes = [new(D("2018-01-01"), 0.8m), new(D("2017-04-01"), 0.5m)];
        Assert.Equal(decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture), FteHistory.FteOn(1.0m, changes, D(date)));
    }

    [Theory]
    [InlineData("2016-01-04", null, "2018-03-31", true)]
    [InlineData("2018-04-01", null, "2018-03-31", false)]
    [InlineData("2018-03-31", null, "2018-03-31", true)]
    [InlineData("2016-01-04", "2018-04-01", "2018-03-31", true)]
    [InlineData("2016-01-04", "2018-03-31", "2018-03-31", false)]
    public void In_post_from_the_start_date_until_the_end_date(string start, string? end, string on, bool inPost)
    {
        Assert.Equal(inPost, FteHistory.InPostOn(D(start), N(end), D(on)));
    }
}
