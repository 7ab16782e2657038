using System.Globalization;
using System.Text.Json.Serialization;
using Iro.Domain.Timetable;
using Iro.Web.Features.Timetable;

namespace Iro.Web.Features.Reporting;

/// <summary>One reporting year's timeliness: each month April to March and the year's total.</summary>
public sealed record TimelinessReport(ReportingYear Year, IReadOnlyList<MonthlyTimeliness> Months, TimelinessFigures Total)
{
    /// <summary>Counts only reviews that count for timeliness (known due date, not short breaks).</summary>
    public static TimelinessReport For(IEnumerable<TimetabledReview> reviews, ReportingYear year)
    {
        var list = reviews as IReadOnlyCollection<TimetabledReview> ?? [.. reviews];
        return new TimelinessReport(year, Timeliness.Monthly(list, year), Timeliness.ForYear(list, year));
    }

    /// <summary>The year from figures already counted by month (months with none held may be left out).</summary>
    public static TimelinessReport FromMonths(ReportingYear year, IReadOnlyDictionary<ReportingMonth, TimelinessFigures> byMonth)
    {
        ArgumentNullException.ThrowIfNull(byMonth);
        MonthlyTimeliness[] months = [.. year.Months.Select(m => new MonthlyTimeliness(m, byMonth.GetValueOrDefault(m) ?? new TimelinessFigures(0, 0)))];
        return new TimelinessReport(year, months, new TimelinessFigures(months.Sum(m => m.Figures.Held), months.Sum(m => m.Figures.OnTime)));
    }

    public TimelinessJson ToJson() => new(
        Year.ToString(),
        [.. Months.Select(m => new TimelinessMonthJson(m.Month.ToString(), m.Figures.Held, m.Figures.OnTime, m.Figures.Percent))],
        new TimelinessTotalJson(Total.Held, Total.OnTime, Total.Percent));

    /// <summary>month,held,on_time,percent: one row a month then a "total" row; the percent always has one decimal.</summary>
    public ReportTable ToTable() => ReportTable.Of<(string Label, TimelinessFigures Figures)>(
        [.. Months.Select(m => (m.Month.ToString(), m.Figures)), ("total", Total)],
        new("month", r => r.Label),
        new("held", r => r.Figures.Held),
        new("on_time", r => r.Figures.OnTime),
        new("percent", r => r.Figures.Percent.ToString("0.0", CultureInfo.InvariantCulture)));
}

public sealed record TimelinessJson(string Year, IReadOnlyList<TimelinessMonthJson> Months, TimelinessTotalJson Total);

public sealed record TimelinessMonthJson(
    string Month, int Held, int OnTime, [property: JsonConverter(typeof(OneDecimalConverter))] decimal Percent);

public sealed record TimelinessTotalJson(int Held, int OnTime, [property: JsonConverter(typeof(OneDecimalConverter))] decimal Percent);
