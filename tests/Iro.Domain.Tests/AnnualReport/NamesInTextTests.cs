using Iro.Domain.AnnualReport;

namespace Iro.Domain.Tests.AnnualReport;

public class NamesInTextTests
{
    private static readonly (string?, string?)[] Children =
    [
        ("Amara", "Khan"), ("Sean", "O'Brien"), ("Mary Ann", "Osei"), ("Zara", null), ("Amara", "Hussain"),
    ];

    [Theory]
    [InlineData("Amara Khan moved to a new foster home.", "Amara Khan")]
    [InlineData("When AMARA KHAN's review was held", "Amara Khan")]
    [InlineData("Sean O'Brien told his IRO", "Sean O'Brien")]
    [InlineData("mary ann osei, aged 12", "Mary Ann Osei")]
    public void A_full_name_in_the_text_is_found_whatever_its_case_and_punctuation(string text, string name) =>
        Assert.Equal([name], NamesInText.Find(text, Children));

    [Theory]
    // First names alone, names in the wrong order, names split by a sentence's words, names without a last name.
    [InlineData("Amara, aged 14, chaired her own review.")]
    [InlineData("Khan Amara")]
    [InlineData("Amara and Khan")]
    [InlineData("Zara said she felt listened to.")]
    [InlineData("Amarak Khan")]
    [InlineData("")]
    public void Text_without_a_full_name_finds_nothing(string text) =>
        Assert.Empty(NamesInText.Find(text, Children));

    [Fact]
    public void Each_name_found_is_listed_once_in_the_order_given() =>
        Assert.Equal(["Amara Khan", "Amara Hussain"], NamesInText.Find("Amara Hussain and Amara Khan; later Amara Khan again.", Children));
}
