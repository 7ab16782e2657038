using System.Globalization;
using System.Linq.Expressions;
using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Governance;

/// <summary>
/// Which audited entries belong to which child. The write audit keys a change by the entry's own type and id
/// (a decision, a case note), so the changes to a child's record are found through this map, and a change is
/// traced back to its child the same way. Deleted entries count: their audit still belongs to the child.
/// </summary>
public static class ChildOwnedEntries
{
    /// <summary>An entry's id and the child it belongs to (a class, so queries can filter on it).</summary>
    public sealed class Owned
    {
        public int Key { get; init; }
        public int ChildId { get; init; }
    }

    private static readonly Dictionary<string, Func<IroDbContext, IQueryable<Owned>>> Sources = new(StringComparer.Ordinal)
    {
        [nameof(Review)] = db => db.Reviews.IgnoreQueryFilters().Select(r => new Owned { Key = r.Id, ChildId = r.ChildId }),
        [nameof(ReviewDecision)] = db => db.ReviewDecisions.IgnoreQueryFilters().Select(d => new Owned { Key = d.Id, ChildId = d.Review!.ChildId }),
        [nameof(ReviewChangeRequest)] = db => db.ReviewChangeRequests.IgnoreQueryFilters().Select(r => new Owned { Key = r.Id, ChildId = r.Review!.ChildId }),
        [nameof(MidwayReview)] = db => db.MidwayReviews.IgnoreQueryFilters().Select(m => new Owned { Key = m.Id, ChildId = m.ChildId }),
        [nameof(CaseNote)] = db => db.CaseNotes.IgnoreQueryFilters().Select(n => new Owned { Key = n.Id, ChildId = n.ChildId }),
        [nameof(Escalation)] = db => db.Escalations.IgnoreQueryFilters().Select(e => new Owned { Key = e.Id, ChildId = e.ChildId }),
        [nameof(EscalationStage)] = db => db.EscalationStages.IgnoreQueryFilters().Select(s => new Owned { Key = s.Id, ChildId = s.Escalation!.ChildId }),
        [nameof(AdvocacyReferral)] = db => db.AdvocacyReferrals.IgnoreQueryFilters().Select(a => new Owned { Key = a.Id, ChildId = a.ChildId }),
        [nameof(IndependentVisitor)] = db => db.IndependentVisitors.IgnoreQueryFilters().Select(v => new Owned { Key = v.Id, ChildId = v.ChildId }),
        [nameof(MissingEpisode)] = db => db.MissingEpisodes.IgnoreQueryFilters().Select(m => new Owned { Key = m.Id, ChildId = m.ChildId }),
        [nameof(PlacementMoveRecord)] = db => db.PlacementMoveRecords.IgnoreQueryFilters().Select(p => new Owned { Key = p.Id, ChildId = p.ChildId }),
        [nameof(ConnectedPersonApproval)] = db => db.ConnectedPersonApprovals.IgnoreQueryFilters().Select(c => new Owned { Key = c.Id, ChildId = c.ChildId }),
        [nameof(FileAudit)] = db => db.FileAudits.IgnoreQueryFilters().Select(f => new Owned { Key = f.Id, ChildId = f.ChildId }),
        [nameof(FeedbackReturn)] = db => db.FeedbackReturns.IgnoreQueryFilters().Where(f => f.ChildId != null).Select(f => new Owned { Key = f.Id, ChildId = f.ChildId!.Value }),
        [nameof(IroAllocation)] = db => db.IroAllocations.IgnoreQueryFilters().Select(a => new Owned { Key = a.Id, ChildId = a.ChildId }),
        [nameof(AgencyReferral)] = db => db.AgencyReferrals.IgnoreQueryFilters().Select(r => new Owned { Key = r.Id, ChildId = r.ChildId }),
    };

    /// <summary>
    /// <c>entry =&gt; </c> the entry is a change to one of the child's entries: one "type and key in the child's
    /// keys" test per type the child has entries of (each uses the audit's type-and-key index). False when none.
    /// </summary>
    public static async Task<Expression<Func<AuditEntry, bool>>> ChangesToAsync(IroDbContext db, int childId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = Expression.Parameter(typeof(AuditEntry), "entry");
        Expression body = Expression.Constant(false);
        foreach (var (type, source) in Sources)
        {
            var ids = await source(db).Where(o => o.ChildId == childId).Select(o => o.Key).ToListAsync(ct);
            if (ids.Count == 0) continue;
            var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            Expression<Func<AuditEntry, bool>> test = e => e.EntityType == type && keys.Contains(e.EntityKey);
            body = Expression.OrElse(body, new Rebind(test.Parameters[0], entry).Visit(test.Body)!);
        }

        return Expression.Lambda<Func<AuditEntry, bool>>(body, entry);
    }

    /// <summary>The child (database id) each audited entry belongs to, for the entries of known types.</summary>
    public static async Task<Dictionary<(string Type, string Key), int>> ChildrenOfAsync(
        IroDbContext db, IEnumerable<(string Type, string Key)> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new Dictionary<(string, string), int>();
        foreach (var group in entries.Distinct().GroupBy(e => e.Type))
        {
            if (!Sources.TryGetValue(group.Key, out var source)) continue;
            var ids = group.Select(e => int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
                .OfType<int>().ToList();
            if (ids.Count == 0) continue;
            foreach (var owned in await source(db).Where(o => ids.Contains(o.Key)).ToListAsync(ct))
                found[(group.Key, owned.Key.ToString(CultureInfo.InvariantCulture))] = owned.ChildId;
        }

        return found;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
