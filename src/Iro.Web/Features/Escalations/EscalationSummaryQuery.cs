using Iro.Domain.Escalations;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// The service's escalation figures for a reporting year: aggregates only, no child is named, so they are the
/// same for everyone allowed to see service figures.
/// </summary>
public sealed class EscalationSummaryQuery(IroDbContext db, BankHolidayCalendar calendar, IOptions<EscalationOptions> options)
{
    public async Task<EscalationFigures> RunAsync(ReportingYear year, CancellationToken ct)
    {
        // The year and the one before, for the previous year's count.
        var from = new ReportingYear(year.StartYear - 1).Start;
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.RaisedOn >= from && e.RaisedOn <= year.End)
            .Include(e => e.Stages)
            .Include(e => e.Themes)
            .AsSplitQuery()
            .ToListAsync(ct);
        return EscalationFigures.For(escalations, year, options.Value, await calendar.GetAsync(ct));
    }
}
