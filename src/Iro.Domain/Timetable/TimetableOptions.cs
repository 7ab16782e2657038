namespace Iro.Domain.Timetable;

/// <summary>
/// Review timetable parameters (statutory-rules section 19). Defaults are the statutory values; binds from
/// the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class TimetableOptions
{
    public const string SectionName = "Timetable";

    /// <summary>First review within 20 working days of becoming looked after: SI 2010/959 reg 33(1) [C].</summary>
    public int FirstReviewWorkingDays { get; set; } = 20;

    /// <summary>Second review not more than 3 months after the first: SI 2010/959 reg 33(2) [C].</summary>
    public int SecondReviewMonths { get; set; } = 3;

    /// <summary>Later reviews not more than 6 months apart: SI 2010/959 reg 33(2) [C].</summary>
    public int SubsequentReviewMonths { get; set; } = 6;

    /// <summary>
    /// True: the day the child became looked after is day 0 and the first review is due on the 20th working
    /// day after it. False: that day counts as day 1 when it is a working day, so the due date is one working
    /// day earlier. Convention [U], statutory-rules section 8.
    /// </summary>
    public bool StartDateIsDayZero { get; set; } = true;

    /// <summary>"Due soon" window in working days before a due date [U: local practice].</summary>
    public int AmberWindowWorkingDays { get; set; } = 10;

    /// <summary>First review of a child placed for adoption within 4 weeks of placement: SI 2005/389 reg 36(3) [C].</summary>
    public int AdoptionFirstReviewWeeks { get; set; } = 4;

    /// <summary>Second adoption review not more than 3 months after the first: SI 2005/389 reg 36(3) [C].</summary>
    public int AdoptionSecondReviewMonths { get; set; } = 3;

    /// <summary>Later adoption reviews not more than 6 months apart: SI 2005/389 reg 36(3) [C].</summary>
    public int AdoptionSubsequentReviewMonths { get; set; } = 6;

    /// <summary>Short breaks: first review within 3 months of the first break: SI 2010/959 reg 48 [S: local procedures].</summary>
    public int ShortBreakFirstReviewMonths { get; set; } = 3;

    /// <summary>Short breaks: later reviews at least every 6 months [S: local procedures].</summary>
    public int ShortBreakSubsequentReviewMonths { get; set; } = 6;

    /// <summary>
    /// A series of short breaks is treated as continuing for this many months after its last break ended,
    /// so reviews stay due between breaks; with no further break the series lapses [U: local choice].
    /// </summary>
    public int ShortBreakSeriesLapseMonths { get; set; } = 12;
}
