using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// The open escalations of the children in the user's scope (an IRO's own, an agency's, or the whole service),
/// each with its current stage's clock and the total clock, overdue first. Filters by the IRO who raised it, the
/// current level, a theme and the IRO's team. IROs have no team in the register, so the team is where they work:
/// in-house, or the commissioned agency.
/// </summary>
public sealed class OpenEscalationsQuery(IroDbContext db, BankHolidayCalendar holidays, IOptions<EscalationOptions> options)
{
    public const string InHouseTeam = "In-house";

    public sealed record Filters(int? IroId, string? Level, string? Theme, string? Team);

    public sealed record Row(
        int EscalationId, string ChildId, string ChildName, int IroId, string IroName, string Team, DateOnly RaisedOn, IReadOnlyList<string> Themes,
        string Level, string RecipientName, string RecipientRole, int Stages, Deadline StageClock, Deadline? TotalClock)
    {
        public bool IsOverdue => StageClock.State == DeadlineState.Overdue || TotalClock?.State == DeadlineState.Overdue;
    }

    /// <summary>The team of an IRO: the commissioned agency, or in-house.</summary>
    public static string TeamOf(Employment employment, string? agency) =>
        employment == Employment.Commissioned && !string.IsNullOrWhiteSpace(agency) ? agency : InHouseTeam;

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, Filters filters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var settings = options.Value;
        var visible = db.Children.VisibleTo(user);
        var open = db.Escalations.AsNoTracking().Where(e => e.ResolvedOn == null && visible.Any(c => c.Id == e.ChildId));
        if (filters.IroId is { } iro) open = open.Where(e => e.RaisedByOfficerId == iro);
        if (settings.Theme(filters.Theme)?.Key is { } theme) open = open.Where(e => e.Themes.Any(t => t.Key == theme));
        if (!string.IsNullOrEmpty(filters.Team))
        {
            var team = filters.Team;
            open = team == InHouseTeam
                ? open.Where(e => e.RaisedByOfficer!.Employment == Employment.InHouse || e.RaisedByOfficer.Agency == null)
                : open.Where(e => e.RaisedByOfficer!.Employment == Employment.Commissioned && e.RaisedByOfficer.Agency == team);
        }

        var escalations = await open.Include(e => e.Stages).Include(e => e.Themes).Include(e => e.Child).Include(e => e.RaisedByOfficer)
            .AsSplitQuery().ToListAsync(ct);
        var calendar = await holidays.GetAsync(ct);
        var level = settings.Level(filters.Level)?.Key;
        return [.. escalations
            .Where(e => level is null || e.CurrentStage?.Level == level)
            .Select(e => ToRow(e, settings, calendar, today))
            .OrderByDescending(r => r.IsOverdue)
            .ThenBy(r => r.StageClock.DueOn)
            .ThenBy(r => r.ChildId, StringComparer.Ordinal)];
    }

    /// <summary>The teams of the IROs the user may see, for the filter.</summary>
    public async Task<IReadOnlyList<string>> TeamsAsync(CurrentUser user, CancellationToken ct)
    {
        var officers = await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).Select(o => new { o.Employment, o.Agency }).Distinct().ToListAsync(ct);
        return [.. officers.Select(o => TeamOf(o.Employment, o.Agency)).Distinct().OrderBy(t => t == InHouseTeam ? "" : t, StringComparer.Ordinal)];
    }

    private static Row ToRow(Escalation e, EscalationOptions settings, IWorkingDayCalendar calendar, DateOnly today)
    {
        var stage = e.CurrentStage!;
        var officer = e.RaisedByOfficer!;
        return new Row(
            e.Id, e.Child!.LocalId, e.Child.DisplayName, officer.Id, officer.Name, TeamOf(officer.Employment, officer.Agency), e.RaisedOn,
            [.. e.Themes.Select(t => EscalationLabels.Theme(settings, t.Key))], stage.Level, stage.RecipientName, stage.RecipientRole, e.Stages.Count,
            EscalationClock.Stage(e, stage, settings, calendar, today), EscalationClock.Total(e, settings, calendar, today));
    }
}
