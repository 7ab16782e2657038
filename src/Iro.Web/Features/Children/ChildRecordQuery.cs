using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

/// <summary>
/// Loads one child's whole record within the user's scope and writes the read to the audit trail.
/// Returns null when the child does not exist or the user may not see them: the two are indistinguishable.
/// </summary>
public sealed class ChildRecordQuery(IroDbContext db, AuditLog audit)
{
    public async Task<Child?> LoadAsync(CurrentUser user, string localId, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().VisibleTo(user)
            .Include(c => c.Episodes)
            .Include(c => c.IroAllocations).ThenInclude(a => a.ReviewingOfficer)
            .Include(c => c.SocialWorkerAssignments)
            .Include(c => c.Reviews.Where(r => r.Status == ReviewStatus.Held)).ThenInclude(r => r.Chair) // as ReviewQueries.Held(); bookings are not reviews
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.LocalId == localId, ct);
        if (child is null) return null;

        child.Episodes.Sort((a, b) => a.Start.CompareTo(b.Start));
        child.IroAllocations.Sort((a, b) => a.From.CompareTo(b.From));
        child.SocialWorkerAssignments.Sort((a, b) => a.From.CompareTo(b.From));
        child.Reviews.Sort((a, b) => a.HeldOn.CompareTo(b.HeldOn));
        await audit.RecordReadAsync(user.UserId, nameof(Child), child.LocalId, ct);
        return child;
    }
}
