using Iro.Domain.AnnualReport;

namespace Iro.Domain.Tests.AnnualReport;

public class ReconciliationTests
{
    [Fact]
    public void Rows_that_sum_to_their_total_pass() =>
        Assert.Null(Reconciliation.RowsSumToTotal("participation", [10, 20, 30], 60));

    [Fact]
    public void Rows_that_do_not_sum_to_their_total_fail_naming_both_numbers()
    {
        // Brent 2016/17: the participation rows sum to 983 but the published total is 984.
        var failure = Reconciliation.RowsSumToTotal("participation 2016-17", [900, 83], 984);
        Assert.NotNull(failure);
        Assert.Contains("983", failure.Problem, StringComparison.Ordinal);
        Assert.Contains("984", failure.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-10, 874, 884, true)]
    [InlineData(10, 874, 884, false)]
    [InlineData(0, 5, 5, true)]
    public void A_change_must_equal_the_difference_of_the_totals(int change, int current, int previous, bool passes) =>
        Assert.Equal(passes, Reconciliation.ChangeEqualsDifference("reviews held", change, current, previous) is null);

    [Fact]
    public void A_quoted_figure_must_equal_its_value()
    {
        // Brent quotes "18%" of children referred for advocacy where 56/318 is 17.6%.
        Assert.NotNull(Reconciliation.QuotedEquals("advocacy share", 18m, 17.6m));
        Assert.Null(Reconciliation.QuotedEquals("advocacy share", 17.6m, 17.6m));
    }

    [Fact]
    public void Failures_keeps_only_the_failed_checks() =>
        Assert.Single(Reconciliation.Failures(null, new ReconciliationFailure("x", "y"), null));
}

public class PercentagePointsTests
{
    [Theory]
    [InlineData("93.5", "91.2", "up 2.3pp")]
    [InlineData("90.0", "90.5", "down 0.5pp")]
    [InlineData("88.0", "88.0", "no change")]
    public void Changes_are_written_in_percentage_points(string current, string previous, string expected) =>
        Assert.Equal(expected, PercentagePoints.Describe(decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(previous, System.Globalization.CultureInfo.InvariantCulture)));
}
