namespace Iro.Ssda903.Tests;

public class YearAndCodesTests
{
    [Theory]
    [InlineData("2017-18", 2017)]
    [InlineData("2017/18", 2017)]
    [InlineData("2017-2018", 2017)]
    [InlineData(" 2099-00 ", 2099)]
    public void Parses_collection_years(string text, int start)
    {
        var y = CollectionYear.Parse(text);
        Assert.Equal(start, y.StartYear);
        Assert.Equal(new DateOnly(start, 4, 1), y.Start);
        Assert.Equal(new DateOnly(start + 1, 3, 31), y.End);
    }

    [Theory]
    [InlineData("2017-19")]
    [InlineData("2017")]
    [InlineData("17-18")]
    [InlineData("")]
    [InlineData("abcd-ef")]
    public void Rejects_bad_collection_years(string text) => Assert.False(CollectionYear.TryParse(text, out _));

    [Fact]
    public void Year_names_and_containment()
    {
        Assert.Equal("2024-25", CollectionYear.FromEndYear(2025).Name);
        Assert.Equal("2016-17", CollectionYear.Containing(new DateOnly(2017, 3, 31)).Name);
        Assert.Equal("2017-18", CollectionYear.Containing(new DateOnly(2017, 4, 1)).Name);
        Assert.True(CollectionYear.Parse("2017-18") < CollectionYear.Parse("2018-19"));
        Assert.Equal(CollectionYear.Parse("2017-18"), CollectionYear.FromStartYear(2017));
    }

    [Theory]
    [InlineData("2016-17", "1,2")]
    [InlineData("2023-24", "1,2")]
    [InlineData("2024-25", "F,M,U")]
    [InlineData("2030-31", "F,M,U")]
    public void Sex_codes_by_year(string year, string codes) =>
        Assert.Equal(codes, string.Join(",", Ssda903Codes.Sex(CollectionYear.Parse(year)).Order(StringComparer.Ordinal)));

    [Theory]
    [InlineData("2017-18", 27, "H5", "K3")]
    [InlineData("2022-23", 27, "P2", "K3")]
    [InlineData("2023-24", 27, "Z1", "Z11")]
    [InlineData("2024-25", 28, "K3", "Z11")]
    [InlineData("2025-26", 29, "Z14", "H5")]
    [InlineData("2026-27", 29, "K3", "P2")]
    public void Placement_codes_by_year(string year, int count, string present, string absent)
    {
        var codes = Ssda903Codes.Place(CollectionYear.Parse(year)).ToList();
        Assert.Equal(count, codes.Count);
        Assert.Contains(present, codes);
        Assert.DoesNotContain(absent, codes);
        Assert.DoesNotContain("k3", codes);
    }

    [Theory]
    [InlineData("1", "M")]
    [InlineData("2", "F")]
    [InlineData("M", "M")]
    [InlineData("F", "F")]
    [InlineData("U", "U")]
    [InlineData("3", null)]
    [InlineData(null, null)]
    public void Sex_is_normalised_to_mfu(string? code, string? sex)
    {
        Assert.Equal(sex, Ssda903Codes.NormaliseSex(code));
        Assert.Equal(sex, new HeaderRow { Child = "1", SexCode = code }.Sex);
    }

    [Theory]
    [InlineData("01/01/2021", 2021, 1, 1)]
    [InlineData("29/02/2020", 2020, 2, 29)]
    [InlineData(" 19/02/2010 ", 2010, 2, 19)]
    public void Dates_parse_strictly(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), Ssda903Date.Parse(text).Value);

    [Theory]
    [InlineData("38/04/2019")]
    [InlineData("01/01/19")]
    [InlineData("1/1/2019")]
    [InlineData("29/02/2019")]
    [InlineData("2019-01-01")]
    [InlineData("01-01-2019")]
    [InlineData("01/01/2019 00:00")]
    [InlineData("ab/cd/efgh")]
    public void Bad_dates_have_no_value(string text)
    {
        var d = Ssda903Date.Parse(text);
        Assert.Null(d.Value);
        Assert.True(d.IsInvalid);
        Assert.False(d.IsBlank);
    }

    [Theory]
    [InlineData("zz/05/2015", "2015-05-31")]
    [InlineData("ZZ/02/2016", "2016-02-29")]
    [InlineData("zz/zz/2015", "2015-12-31")]
    [InlineData("zz/zz/zzzz", null)]
    public void Partial_dates_take_the_latest_possible_date(string text, string? expected)
    {
        var d = Ssda903Date.Parse(text, allowPartial: true);
        Assert.True(d.IsValid);
        Assert.True(d.IsPartial);
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Value);
        Assert.Equal(text.ToLowerInvariant(), d.ToFileText());
        Assert.True(Ssda903Date.Parse(text).IsInvalid);
    }

    [Theory]
    [InlineData("zz/13/2015")]
    [InlineData("01/zz/2015")]
    [InlineData("zz/05/zzzz")]
    public void Malformed_partial_dates_are_invalid(string text) => Assert.True(Ssda903Date.Parse(text, allowPartial: true).IsInvalid);

    [Fact]
    public void Identify_finds_tables_by_header_set_in_any_order()
    {
        foreach (var table in Ssda903Schema.Tables)
        {
            var cols = Ssda903Schema.Columns(table).Reverse().Select(c => c.ToLowerInvariant());
            Assert.Equal(table, Ssda903Schema.Identify(cols, out _, out _, out _));
        }
    }
}
