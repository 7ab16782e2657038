namespace Iro.Domain.Voice;

/// <summary>
/// The return home interview clock (statutory guidance on children who run away or go missing, 2014): an interview
/// is offered after every missing episode within 72 hours of the child's return. The 903 return carries only the
/// return date, so an unknown time counts in the service's favour: the window then runs to the end of the third
/// day after the return date, and an interview recorded without a time counts as at the start of its day.
/// </summary>
public static class ReturnInterviewWindow
{
    public const int Hours = 72;

    /// <summary>The last moment an interview is in time.</summary>
    public static DateTime DeadlineFor(DateOnly returnedOn, TimeOnly? returnTime) =>
        returnTime is { } time
            ? returnedOn.ToDateTime(time).AddHours(Hours)
            : returnedOn.AddDays(Hours / 24).ToDateTime(TimeOnly.MaxValue);

    /// <summary>Whether something dated <paramref name="on"/> (at <paramref name="at"/>, when known) fell within the window.</summary>
    public static bool IsWithin(DateOnly returnedOn, TimeOnly? returnTime, DateOnly? on, TimeOnly? at) =>
        on is { } day && day >= returnedOn && day.ToDateTime(at ?? TimeOnly.MinValue) <= DeadlineFor(returnedOn, returnTime);
}
