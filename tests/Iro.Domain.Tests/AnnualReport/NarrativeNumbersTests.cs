using Iro.Domain.AnnualReport;

namespace Iro.Domain.Tests.AnnualReport;

public class NarrativeNumbersTests
{
    // The figures of a small year: 874 reviews held, 806 on time (92.2%); 318 children looked after at the end;
    // 12 IROs of whom 3 joined.
    private static readonly NarrativeFigure[] Figures =
    [
        new("reviews held", FigureKind.Count, 874, ["reviews held", "statutory reviews held"]),
        new("reviews on time", FigureKind.Count, 806, ["reviews held on time", "reviews on time"]),
        new("reviews on time (%)", FigureKind.Percent, 92.2m, ["reviews held on time", "reviews on time"]),
        new("children looked after at 31 March", FigureKind.Count, 318, ["children looked after at 31 March"]),
        new("IROs in post", FigureKind.Count, 12, ["IROs"]),
        new("IROs who joined", FigureKind.Count, 3, ["IROs joined"]),
        new("escalations raised", FigureKind.Count, 1204, ["escalations raised"]),
    ];

    [Theory]
    // A percentage followed by the words of a percentage figure, small words ignored.
    [InlineData("92.2% of reviews were held on time.", "reviews on time (%)", 92.2)]
    [InlineData("Last year 92.2 per cent of our reviews were on time", "reviews on time (%)", 92.2)]
    // A count names the count figure with the same words, not the percentage.
    [InlineData("806 reviews were held on time, more than ever.", "reviews on time", 806)]
    [InlineData("874 reviews were held.", "reviews held", 874)]
    // The longest phrase wins: "IROs joined" over "IROs".
    [InlineData("3 IROs joined the service", "IROs who joined", 3)]
    [InlineData("The service had 12 IROs at the end of the year", "IROs in post", 12)]
    // Thousands separators.
    [InlineData("1,204 escalations were raised", "escalations raised", 1204)]
    // A number inside the clause's phrase (31 March) is read as part of the words, not a claim.
    [InlineData("318 children were looked after at 31 March 2018", "children looked after at 31 March", 318)]
    public void A_number_followed_by_a_figures_words_claims_that_figure(string text, string figure, double quoted)
    {
        var claim = Assert.Single(NarrativeNumbers.Claims(text, Figures));
        Assert.Equal(figure, claim.Figure.Name);
        Assert.Equal((decimal)quoted, claim.Quoted);
    }

    [Theory]
    [InlineData("On 31 March the service moved offices.")]
    [InlineData("We wrote 3 case studies.")]
    // The clause ends at the comma: "92.2%" counts nothing named.
    [InlineData("Timeliness rose to 92.2%, and reviews held on time rose too.")]
    // Codes and words with digits are not numbers.
    [InlineData("Most reviews were PN1 reviews held on time.")]
    // A count never claims a percentage figure, nor a percentage a count.
    [InlineData("92% reviews held")]
    [InlineData("")]
    public void A_number_that_names_no_figure_claims_nothing(string text) =>
        Assert.Empty(NarrativeNumbers.Claims(text, Figures));

    [Theory]
    [InlineData("92.2% of reviews were held on time. 874 reviews were held.", 0)]
    // Brent-style errors: a rounded percentage, a count from last year.
    [InlineData("92% of reviews were held on time.", 1)]
    [InlineData("92.4% of reviews were held on time and 870 reviews were held.", 2)]
    [InlineData("There were 13 IROs, 3 IROs joined.", 1)]
    public void Check_fails_once_for_each_number_that_differs_from_its_figure(string text, int failures) =>
        Assert.Equal(failures, NarrativeNumbers.Check(text, Figures).Count);

    [Fact]
    public void A_failure_names_the_written_number_and_the_figure()
    {
        var failure = Assert.Single(NarrativeNumbers.Check("We held 900 reviews.", [new("reviews held", FigureKind.Count, 874, ["reviews"])]));
        Assert.Contains("900", failure.Figure, StringComparison.Ordinal);
        Assert.Contains("reviews held", failure.Figure, StringComparison.Ordinal);
        Assert.Contains("874", failure.Problem, StringComparison.Ordinal);
    }
}
