using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Iro.Domain.Timetable;

/// <summary>A calendar month within a reporting year.</summary>
public readonly record struct ReportingMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    /// <summary>"2022-04".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}

/// <summary>
/// A reporting year, 1 April to 31 March (the SSDA903 collection year; statutory-rules section 18),
/// written "2022-23".
/// </summary>
public readonly record struct ReportingYear : IParsable<ReportingYear>
{
    public ReportingYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 9998);
        StartYear = startYear;
    }

    /// <summary>The calendar year in which the reporting year starts (2022 for "2022-23").</summary>
    public int StartYear { get; }

    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>April to March.</summary>
    public IReadOnlyList<ReportingMonth> Months
    {
        get
        {
            var months = new ReportingMonth[12];
            for (var i = 0; i < 12; i++)
            {
                var first = Start.AddMonths(i);
                months[i] = new ReportingMonth(first.Year, first.Month);
            }

            return months;
        }
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The reporting year a date falls in.</summary>
    public static ReportingYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>
    /// The latest 31 March on or before a date: the day of the last SSDA903 count (on 31 March itself, that day).
    /// </summary>
    public static DateOnly LatestMarch31(DateOnly date) =>
        new(date.Month > 3 || (date.Month == 3 && date.Day == 31) ? date.Year : date.Year - 1, 3, 31);

    /// <summary>Parses "2022-23" (or "2022/23"); the second part must be the following year.</summary>
    public static ReportingYear Parse(string s) => Parse(s, null);

    public static ReportingYear Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var year) ? year : throw new FormatException($"'{s}' is not a reporting year such as 2022-23.");

    public static bool TryParse([NotNullWhen(true)] string? s, out ReportingYear result) => TryParse(s, null, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportingYear result)
    {
        result = default;
        if (s is null) return false;
        var text = s.Trim();
        if (text.Length != 7 || (text[4] != '-' && text[4] != '/')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            return false;
        }

        if (start < 1 || start > 9998 || end != (start + 1) % 100) return false;
        result = new ReportingYear(start);
        return true;
    }

    /// <summary>"2022-23".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}-{(StartYear + 1) % 100:D2}");
}
