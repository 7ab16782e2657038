namespace Iro.Domain.Calendar;

/// <summary>A non-working public holiday in England and Wales.</summary>
/// <param name="Date">The day that is not a working day.</param>
/// <param name="Name">The holiday's name, as gov.uk words it.</param>
/// <param name="IsSubstitute">True for a substitute day for a holiday that fell at a weekend.</param>
public sealed record BankHoliday(DateOnly Date, string Name, bool IsSubstitute = false);

/// <summary>
/// One entry of the override table (statutory-rules section 9.3): a holiday moved by proclamation,
/// or a one-off holiday.
/// </summary>
/// <param name="Date">The date that becomes a holiday.</param>
/// <param name="Name">The name of the day on that date.</param>
/// <param name="Replaces">
/// For a moved holiday, the name of the generated holiday (in the same year) that it replaces;
/// null for a one-off holiday that is added.
/// </param>
/// <param name="Source">The confidence tag and source, for the record.</param>
public sealed record BankHolidayOverride(DateOnly Date, string Name, string? Replaces, string Source);
