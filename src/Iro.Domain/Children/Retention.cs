namespace Iro.Domain.Children;

/// <summary>
/// How long the records of a looked-after child are kept: until their birthday a number of years on (75 by
/// default, the usual retention for looked-after children's case records), counted from the date of birth.
/// From that day the records are past retention and come up for review.
/// </summary>
public static class Retention
{
    public const int DefaultYears = 75;

    /// <summary>
    /// The day retention ends: the birthday <paramref name="years"/> after <paramref name="dateOfBirth"/>. A child
    /// born on 29 February has that birthday on 1 March in a year without one, so the record is kept a day
    /// longer rather than a day too short.
    /// </summary>
    public static DateOnly EndsOn(DateOnly dateOfBirth, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        var year = dateOfBirth.Year + years;
        return dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
    }

    /// <summary>Whether the records are past retention on <paramref name="today"/> (from the birthday itself).</summary>
    public static bool IsPast(DateOnly dateOfBirth, int years, DateOnly today) => today >= EndsOn(dateOfBirth, years);

    /// <summary>
    /// The latest date of birth that can be past retention on <paramref name="today"/>, for narrowing a query
    /// before <see cref="IsPast"/> decides exactly.
    /// </summary>
    public static DateOnly LatestBirthPastOn(DateOnly today, int years) => today.AddYears(-years).AddDays(1);
}
