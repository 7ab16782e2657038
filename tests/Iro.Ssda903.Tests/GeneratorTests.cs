using Iro.Ssda903.Synthetic;

namespace Iro.Ssda903.Tests;

public class GeneratorTests
{
    [Theory]
    [InlineData("2017-18", 1)]
    [InlineData("2023-24", 2)]
    [InlineData("2024-25", 3)]
    [InlineData("2025-26", 4)]
    [InlineData("2026-27", 5)]
    public void Generated_return_passes_the_validator_with_no_errors(string yearName, int seed)
    {
        var year = CollectionYear.Parse(yearName);
        var ret = SyntheticReturnGenerator.Generate(2000, seed, year);
        var errors = Ssda903Validator.Validate(ret, year).Where(f => f.Severity == FindingSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        Assert.Equal(2000, ret.Header.Count);
    }

    [Fact]
    public void Generation_is_deterministic_for_a_seed()
    {
        var year = CollectionYear.Parse("2024-25");
        var a = SyntheticReturnGenerator.Generate(200, 42, year);
        var b = SyntheticReturnGenerator.Generate(200, 42, year);
        var c = SyntheticReturnGenerator.Generate(200, 43, year);
        Assert.Equal(TestData.Canonical(a), TestData.Canonical(b));
        Assert.NotEqual(TestData.Canonical(a), TestData.Canonical(c));
    }

    [Fact]
    public void Generated_return_is_realistic()
    {
        var year = CollectionYear.Parse("2024-25");
        var ret = SyntheticReturnGenerator.Generate(5000, 9, year);
        var episodesPerChild = ret.Episodes.Count / (double)ret.Header.Count;
        var reviewsPerChild = ret.Reviews.Count / (double)ret.Header.Count;
        Assert.InRange(episodesPerChild, 1.7, 2.4);
        Assert.InRange(reviewsPerChild, 1.6, 2.6);

        // Entrants, moves with X1, leavers and re-entries all occur.
        Assert.Contains(ret.Episodes, e => e.Rne == "S" && e.Decom.Value >= year.Start);
        Assert.Contains(ret.Episodes, e => e.Rec == "X1");
        Assert.Contains(ret.Episodes, e => e.Rec is not null and not "X1");
        var reentries = ret.EpisodesByChild().Count(g => g.Count(e => e.Rne == "S" && e.Decom.Value >= year.Start) >= 2);
        Assert.True(reentries > 0);

        // Participation codes follow age.
        Assert.All(ret.Reviews, r => Assert.Equal(r.Review.Value < r.Dob.Value!.Value.AddYears(4), r.ReviewCode == "PN0" && r.Review.Value != r.Dob.Value!.Value.AddYears(4)));

        // First reviews of entrants: mostly within 20 working days (about 28 calendar days), some late.
        var firstGaps = (from e in ret.Episodes
                         where e.Rne == "S" && e.Decom.Value >= year.Start
                         let first = ret.Reviews.Where(r => r.Child == e.Child && r.Review.Value >= e.Decom.Value).Select(r => r.Review.Value!.Value).DefaultIfEmpty(DateOnly.MaxValue).Min()
                         where first != DateOnly.MaxValue
                         select first.DayNumber - e.Decom.Value!.Value.DayNumber).ToList();
        Assert.True(firstGaps.Count > 100);
        Assert.True(firstGaps.Count(g => g <= 28) > firstGaps.Count * 0.8);
        Assert.Contains(firstGaps, g => g > 28);
        Assert.DoesNotContain(firstGaps, g => g < 0);
    }

    [Fact]
    public void National_benchmark_options_give_the_national_volumes_and_stay_valid()
    {
        var year = CollectionYear.Parse("2025-26");
        var ret = SyntheticReturnGenerator.Generate(6000, 5, year, SyntheticOptions.NationalBenchmark);
        Assert.InRange(ret.Episodes.Count / 6000.0, 1.9, 2.4);
        Assert.InRange(ret.Reviews.Count / 6000.0, 3.0, 3.7);
        Assert.DoesNotContain(Ssda903Validator.Validate(ret, year), f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Sex_follows_the_years_coding()
    {
        Assert.All(SyntheticReturnGenerator.Generate(100, 1, CollectionYear.Parse("2023-24")).Header, h => Assert.True(h.SexCode is "1" or "2"));
        Assert.All(SyntheticReturnGenerator.Generate(100, 1, CollectionYear.Parse("2024-25")).Header, h => Assert.True(h.SexCode is "M" or "F"));
    }
}
