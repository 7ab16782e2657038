using Iro.Domain.Timetable;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Iro.Web.Features.Voice;

/// <summary>
/// The period a service page counts over, chosen with two date inputs; by default the reporting year to date.
/// Both ends are included.
/// </summary>
public sealed record ServicePeriod(DateOnly From, DateOnly To)
{
    public static ServicePeriod Read(DateInput from, DateInput to, ModelStateDictionary state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(state);
        var start = from.Read(state, "From", "The start of the period") ?? ReportingYear.Containing(today).Start;
        var end = to.Read(state, "To", "The end of the period") ?? today;
        if (end >= start) return new ServicePeriod(start, end);
        state.AddModelError("To", "The end of the period must be the same as or after its start");
        return new ServicePeriod(start, start);
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() =>
        FormattableString.Invariant($"{From:d MMMM yyyy} to {To:d MMMM yyyy}");
}
