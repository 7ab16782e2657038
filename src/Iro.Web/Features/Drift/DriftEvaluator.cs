using Iro.Domain.Children;
using Iro.Domain.Drift;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Oversight;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Drift;

/// <summary>
/// Applies the drift rules (<see cref="DriftRules"/>) to a set of children. The data comes in one set-based query
/// per kind of record, whatever the number of children.
/// </summary>
public sealed class DriftEvaluator(IroDbContext db, TimetableService timetables, IOptions<ReviewOptions> reviews, IOptions<OversightOptions> oversight)
{
    /// <summary>Every child of <paramref name="children"/> with its items (none when it has no problem), in no particular order.</summary>
    public async Task<IReadOnlyList<DriftChild>> EvaluateAsync(IQueryable<Child> children, DateOnly today, CancellationToken ct)
    {
        var context = await timetables.ContextAsync(ct);
        var settings = new DriftSettings(context.Calendar, context.Options, reviews.Value, context.HistoryStartsOn, oversight.Value.ActionableFrom(today));
        var ids = children.Select(c => c.Id);

        var people = await children.Select(c => new { c.Id, c.LocalId, c.FirstName, c.LastName, c.DateOfBirth, c.NeedsAssessmentOn, c.PathwayPlanOn }).ToListAsync(ct);
        if (people.Count == 0) return [];

        var episodes = (await db.CareEpisodes.AsNoTracking().Where(e => ids.Contains(e.ChildId))
            .Select(e => new CareEpisode
            {
                ChildId = e.ChildId, Start = e.Start, End = e.End, ReasonForNewEpisode = e.ReasonForNewEpisode,
                ReasonCeased = e.ReasonCeased, LegalStatus = e.LegalStatus, Placement = e.Placement,
            }).ToListAsync(ct)).ToLookup(e => e.ChildId);
        var held = (await db.Reviews.AsNoTracking().Held().Where(r => ids.Contains(r.ChildId))
            .Select(r => new { r.ChildId, Review = new DriftReview(r.Id, r.HeldOn, r.RecordIssuedOn) }).ToListAsync(ct)).ToLookup(r => r.ChildId, r => r.Review);
        var decisions = (await (
                from r in db.Reviews.AsNoTracking().Held()
                where ids.Contains(r.ChildId)
                from d in r.Decisions
                where d.Status == DecisionStatus.Open && d.DueBy < today
                select new { r.ChildId, Decision = new DriftDecision(d.Id, r.Id, d.What, d.DueBy, d.Status) }).ToListAsync(ct))
            .ToLookup(d => d.ChildId, d => d.Decision);
        var midway = (await db.MidwayReviews.AsNoTracking().Where(m => ids.Contains(m.ChildId)).Select(m => new { m.ChildId, m.HeldOn }).ToListAsync(ct))
            .ToLookup(m => m.ChildId, m => m.HeldOn);
        var missing = (await db.MissingEpisodes.AsNoTracking().Where(m => ids.Contains(m.ChildId) && m.End != null && m.InterviewCompletedOn == null)
            .ToListAsync(ct)).ToLookup(m => m.ChildId);
        var workers = (await db.SocialWorkerAssignments.AsNoTracking().Where(s => ids.Contains(s.ChildId))
            .ToListAsync(ct)).ToLookup(s => s.ChildId);
        var health = (await db.Set<HealthOutcomes>().AsNoTracking().Where(h => ids.Contains(h.ChildId) && h.SdqScore != null)
            .ToListAsync(ct)).ToLookup(h => h.ChildId);
        var advocacy = (await db.AdvocacyReferrals.AsNoTracking().Where(a => ids.Contains(a.ChildId) && (a.ClosedOn == null || a.ClosedOn >= today))
            .ToListAsync(ct)).ToLookup(a => a.ChildId);
        var visitors = (await db.IndependentVisitors.AsNoTracking().Where(v => ids.Contains(v.ChildId) && v.MatchedOn == null && v.EndedOn == null)
            .ToListAsync(ct)).ToLookup(v => v.ChildId);
        var approvals = (await db.ConnectedPersonApprovals.AsNoTracking().Where(a => ids.Contains(a.ChildId) && a.EndedOn == null)
            .ToListAsync(ct)).ToLookup(a => a.ChildId);
        var iros = (await db.IroAllocations.AsNoTracking().CurrentOn(today).Where(a => ids.Contains(a.ChildId))
            .Select(a => new { a.ChildId, a.ReviewingOfficerId, a.ReviewingOfficer!.Name }).ToListAsync(ct)).ToLookup(a => a.ChildId);

        var result = new List<DriftChild>(people.Count);
        foreach (var p in people)
        {
            var input = new DriftInput
            {
                DateOfBirth = p.DateOfBirth, NeedsAssessmentOn = p.NeedsAssessmentOn, PathwayPlanOn = p.PathwayPlanOn,
                Episodes = [.. episodes[p.Id]], Reviews = [.. held[p.Id]], Decisions = [.. decisions[p.Id]], MidwayReviews = [.. midway[p.Id]],
                Missing = [.. missing[p.Id]], SocialWorkers = [.. workers[p.Id]], Health = [.. health[p.Id]], Advocacy = [.. advocacy[p.Id]],
                Visitors = [.. visitors[p.Id]], ConnectedPersons = [.. approvals[p.Id]],
            };
            var iro = iros[p.Id].FirstOrDefault();
            result.Add(new DriftChild(p.Id, p.LocalId, Child.DisplayNameOf(p.LocalId, p.FirstName, p.LastName), iro?.ReviewingOfficerId, iro?.Name,
                DriftRules.Evaluate(input, settings, today)));
        }

        return result;
    }
}
