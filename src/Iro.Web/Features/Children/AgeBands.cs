namespace Iro.Web.Features.Children;

/// <summary>The DfE looked-after statistics age bands.</summary>
public static class AgeBands
{
    public static readonly IReadOnlyList<(string Key, string Label, int From, int To)> All =
    [
        ("under-1", "Under 1", 0, 0),
        ("1-4", "1 to 4", 1, 4),
        ("5-9", "5 to 9", 5, 9),
        ("10-15", "10 to 15", 10, 15),
        ("16-plus", "16 and over", 16, 25),
    ];

    /// <summary>Dates of birth giving an age from <paramref name="from"/> to <paramref name="to"/> years on a date.</summary>
    public static (DateOnly EarliestBirth, DateOnly LatestBirth) BirthRange(int from, int to, DateOnly on) =>
        (on.AddYears(-(to + 1)).AddDays(1), on.AddYears(-from));
}
