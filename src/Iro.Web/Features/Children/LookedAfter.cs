using Iro.Domain.Children;

namespace Iro.Web.Features.Children;

/// <summary>Query building blocks for "looked after on a date", matching the 903 count at 31 March.</summary>
public static class LookedAfter
{
    /// <summary>Looked after on <paramref name="on"/>: an episode had started and had not ceased by that day.</summary>
    public static IQueryable<Child> LookedAfterOn(this IQueryable<Child> children, DateOnly on) =>
        children.Where(c => c.Episodes.Any(e => e.Start <= on && (e.End == null || e.End > on)));

    /// <summary>
    /// The user's current caseload: looked after today and allocated today to the IRO (or the agency's IROs);
    /// every child looked after today for service-wide roles. The home page, the children list and the IRO
    /// caseloads all count this.
    /// </summary>
    public static IQueryable<Child> CurrentCaseloadOf(this IQueryable<Child> children, Access.CurrentUser user, DateOnly today) =>
        Access.ChildAccess.InCurrentCaseloadOf(children, user, today).LookedAfterOn(today);

    public static DateOnly LatestMarch31(DateOnly today) =>
        new(today.Month > 3 || (today.Month == 3 && today.Day == 31) ? today.Year : today.Year - 1, 3, 31);

    /// <summary>The reporting year (1 April to 31 March) that contains a date.</summary>
    public static (DateOnly Start, DateOnly End) ReportingYearOf(DateOnly date)
    {
        var startYear = date.Month >= 4 ? date.Year : date.Year - 1;
        return (new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));
    }
}
