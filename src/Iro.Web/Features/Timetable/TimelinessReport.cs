using System.Globalization;
using System.Text.Json.Serialization;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable;

/// <summary>One reporting year's timeliness: each month April to March and the year's total.</summary>
public sealed record TimelinessReport(ReportingYear Year, IReadOnlyList<MonthlyTimeliness> Months, TimelinessFigures Total)
{
    /// <summary>Counts only reviews that count for timeliness (known due date, not short breaks).</summary>
    public static TimelinessReport For(IEnumerable<TimetabledReview> reviews, ReportingYear year)
    {
        var list = reviews as IReadOnlyCollection<TimetabledReview> ?? [.. reviews];
        return new TimelinessReport(year, Timeliness.Monthly(list, year), Timeliness.ForYear(list, year));
    }

    public TimelinessJson ToJson() => new(
        Year.ToString(),
        [.. Months.Select(m => new TimelinessMonthJson(m.Month.ToString(), m.Figures.Held, m.Figures.OnTime, m.Figures.Percent))],
        new TimelinessTotalJson(Total.Held, Total.OnTime, Total.Percent));

    /// <summary>month,held,on_time,percent; one row a month then a "total" row.</summary>
    public async Task WriteCsvAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("month,held,on_time,percent");
        foreach (var m in Months) await output.WriteLineAsync(Row(m.Month.ToString(), m.Figures));
        await output.WriteLineAsync(Row("total", Total));

        static string Row(string label, TimelinessFigures f) =>
            string.Create(CultureInfo.InvariantCulture, $"{label},{f.Held},{f.OnTime},{f.Percent:0.0}");
    }
}

public sealed record TimelinessJson(string Year, IReadOnlyList<TimelinessMonthJson> Months, TimelinessTotalJson Total);

public sealed record TimelinessMonthJson(
    string Month, int Held, int OnTime, [property: JsonConverter(typeof(OneDecimalConverter))] decimal Percent);

public sealed record TimelinessTotalJson(int Held, int OnTime, [property: JsonConverter(typeof(OneDecimalConverter))] decimal Percent);
