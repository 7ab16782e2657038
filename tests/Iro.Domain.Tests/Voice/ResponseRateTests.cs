using Iro.Domain.Voice;

namespace Iro.Domain.Tests.Voice;

public class ResponseRateTests
{
    [Theory]
    // 1 ÷ 3 = 33.33…%; 1 ÷ 8 = 12.5% exactly; 1 ÷ 16 = 6.25% rounds half up to 6.3; 3 ÷ 16 = 18.75% to 18.8.
    [InlineData(1, 3, "33.3")]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.3")]
    [InlineData(3, 16, "18.8")]
    [InlineData(0, 40, "0.0")]
    [InlineData(40, 40, "100.0")]
    public void The_rate_is_responses_over_children_asked_to_one_decimal_half_up(int responses, int asked, string expected)
    {
        var rate = new ResponseRate(responses, asked, 50m);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rate.Percent);
    }

    [Theory]
    [InlineData(30, 50, 60, true)]
    [InlineData(29, 50, 60, false)]
    [InlineData(0, 0, 60, false)]
    public void The_target_is_met_when_the_rate_reaches_it(int responses, int asked, int target, bool met) =>
        Assert.Equal(met, new ResponseRate(responses, asked, target).MeetsTarget);
}
