using System.Globalization;

namespace Iro.Ssda903;

/// <summary>
/// An SSDA903 collection year, running from 1 April of <see cref="StartYear"/> to 31 March of the
/// following year. Written "2017-18"; the DfE also names it by the 31 March it contains ("2018").
/// </summary>
public sealed record CollectionYear : IComparable<CollectionYear>
{
    private CollectionYear(int startYear) => StartYear = startYear;

    /// <summary>The calendar year in which the collection starts (1 April).</summary>
    public int StartYear { get; }

    /// <summary>The calendar year in which the collection ends (31 March).</summary>
    public int EndYear => StartYear + 1;

    /// <summary>1 April of <see cref="StartYear"/>.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>31 March of <see cref="EndYear"/>.</summary>
    public DateOnly End => new(EndYear, 3, 31);

    /// <summary>"2017-18".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{EndYear % 100:00}");

    /// <summary>SEX is coded M/F/U from 2024-25; 1/2 before.</summary>
    public bool UsesLetterSexCodes => StartYear >= 2024;

    /// <summary>True when the SWEpisodes table is part of the collection (from 2023-24).</summary>
    public bool CollectsSwEpisodes => StartYear >= 2023;

    /// <summary>True when the DoLo table is part of the collection (from 2026-27).</summary>
    public bool CollectsDoLo => StartYear >= 2026;

    public static CollectionYear FromStartYear(int startYear)
    {
        if (startYear is < 1990 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "Collection year must start between 1990 and 2200.");
        }

        return new CollectionYear(startYear);
    }

    /// <summary>The year containing the given 31 March ("2027" is 2026-27).</summary>
    public static CollectionYear FromEndYear(int endYear) => FromStartYear(endYear - 1);

    /// <summary>The collection year containing a date.</summary>
    public static CollectionYear Containing(DateOnly date) => FromStartYear(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Parses "2017-18", "2017/18", "2017-2018" or "2017/2018".</summary>
    public static CollectionYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"'{text}' is not a collection year such as 2017-18.");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CollectionYear? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('-', '/');
        if (parts.Length != 2 || parts[0].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start is < 1990 or > 2200)
        {
            return false;
        }

        var ok = parts[1].Length switch
        {
            2 => end == (start + 1) % 100,
            4 => end == start + 1,
            _ => false,
        };
        if (!ok)
        {
            return false;
        }

        year = new CollectionYear(start);
        return true;
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int CompareTo(CollectionYear? other) => other is null ? 1 : StartYear.CompareTo(other.StartYear);

    public static bool operator <(CollectionYear left, CollectionYear right) => left.CompareTo(right) < 0;

    public static bool operator >(CollectionYear left, CollectionYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(CollectionYear left, CollectionYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CollectionYear left, CollectionYear right) => left.CompareTo(right) >= 0;

    public override string ToString() => Name;
}
