using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Voice;

/// <summary>
/// The service's child's-voice figures for a reporting year (<see cref="VoiceSummary"/> does the counting):
/// aggregates only, no child is named, so they are the same for everyone allowed to see service figures.
/// </summary>
public sealed class VoiceSummaryQuery(IroDbContext db, IOptions<VoiceOptions> options)
{
    public async Task<VoiceFigures> RunAsync(ReportingYear year, CancellationToken ct) => (await RunAsync([year], ct))[year];

    /// <summary>
    /// The figures for several years, with the placement moves derived once for all of them (the annual report's
    /// year and the year before): a move is counted in the year it is dated, whatever window its child was found in.
    /// </summary>
    public async Task<IReadOnlyDictionary<ReportingYear, VoiceFigures>> RunAsync(IReadOnlyCollection<ReportingYear> years, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(years);
        var moves = await MovesAsync(years.Min(y => y.Start), years.Max(y => y.End), ct);
        var figures = new Dictionary<ReportingYear, VoiceFigures>();
        foreach (var year in years)
        {
            var (start, end) = (year.Start, year.End);
            var previousStart = new ReportingYear(year.StartYear - 1).Start;
            var referrals = await db.AdvocacyReferrals.AsNoTracking().Where(r => r.ReferredOn >= previousStart && r.ReferredOn <= end).ToListAsync(ct);
            // The same looked-after rule as every other count: an episode ceasing on 31 March is not open on it.
            var lookedAfterAtEnd = await db.Children.LookedAfterOn(end).CountAsync(ct);
            var visitors = await db.IndependentVisitors.AsNoTracking().Where(v => v.NeededOn <= end).ToListAsync(ct);
            var missing = await db.MissingEpisodes.AsNoTracking().Where(m => m.Start >= start && m.Start <= end).ToListAsync(ct);
            var moveRecords = await db.PlacementMoveRecords.AsNoTracking().Where(r => r.MovedOn >= start && r.MovedOn <= end).ToListAsync(ct);
            var feedback = await db.FeedbackReturns.AsNoTracking().Where(f => f.ReceivedOn >= start && f.ReceivedOn <= end).ToListAsync(ct);
            var audits = await db.FileAudits.AsNoTracking().Include(a => a.Answers).Where(a => a.AuditedOn >= start && a.AuditedOn <= end).ToListAsync(ct);
            var records = new VoiceRecords(referrals, lookedAfterAtEnd, visitors, missing, moves, moveRecords, feedback, audits);
            figures[year] = VoiceSummary.For(records, year, options.Value);
        }

        return figures;
    }

    /// <summary>
    /// The placement moves of the children with an episode starting in the period, from all their episodes (a move is
    /// an episode's start, so every move dated in the period is among them).
    /// </summary>
    private async Task<List<PlacementMove>> MovesAsync(DateOnly start, DateOnly end, CancellationToken ct)
    {
        var movers = db.CareEpisodes.Where(e => e.Start >= start && e.Start <= end).Select(e => e.ChildId);
        // Only what the move rule reads: at national scale this is most episodes.
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => movers.Contains(e.ChildId))
            .Select(e => new CareEpisode { ChildId = e.ChildId, Start = e.Start, ReasonForNewEpisode = e.ReasonForNewEpisode, Placement = e.Placement })
            .ToListAsync(ct);
        return [.. episodes.GroupBy(e => e.ChildId)
            .SelectMany(child => global::Iro.Domain.Voice.PlacementMoves.MoveDates(child).Select(on => new PlacementMove(child.Key, on)))];
    }
}
