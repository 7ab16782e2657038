using Iro.Domain.AnnualReport;

namespace Iro.Domain.Tests.AnnualReport;

public class ReportAgeBandsTests
{
    [Theory]
    [InlineData(0, "under 1")]
    [InlineData(1, "1-4")]
    [InlineData(4, "1-4")]
    [InlineData(9, "5-9")]
    [InlineData(15, "10-15")]
    [InlineData(16, "16+")]
    [InlineData(19, "16+")]
    public void The_default_bands_are_the_DfE_ones(int age, string band) =>
        Assert.Equal(band, ReportAgeBands.BandOf(ReportAgeBands.Default, age)!.Label);

    [Fact]
    public void A_closed_top_band_leaves_older_ages_out()
    {
        var bands = ReportAgeBands.Parse("0-4,5-9,10-15,16-17");
        Assert.Equal(["0-4", "5-9", "10-15", "16-17"], bands.Select(b => b.Label));
        Assert.Equal("16-17", ReportAgeBands.BandOf(bands, 17)!.Label);
        Assert.Null(ReportAgeBands.BandOf(bands, 18));
    }

    [Theory]
    [InlineData("1-4,5-9")] // does not start at 0
    [InlineData("0-4,6-9")] // gap
    [InlineData("0-4,4-9")] // overlap
    [InlineData("0-4,5+,10-15")] // open band not last
    [InlineData("0-4,five-9")]
    [InlineData("0-4,9-5")]
    public void Bands_that_do_not_follow_on_are_refused(string specification) =>
        Assert.Throws<FormatException>(() => ReportAgeBands.Parse(specification));

    [Fact]
    public void An_empty_setting_takes_the_default() =>
        Assert.Same(ReportAgeBands.Default, ReportAgeBands.Parse(" "));
}
