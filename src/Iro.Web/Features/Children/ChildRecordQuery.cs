using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

/// <summary>
/// One child's whole record: episodes, IRO and social-worker history and the reviews held, each in date order.
/// The child comes from the child context, which has already applied the user's scope and recorded the read.
/// </summary>
public sealed class ChildRecordQuery(IroDbContext db)
{
    public async Task<Child> LoadAsync(int childKey, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking()
            .Include(c => c.Episodes)
            .Include(c => c.IroAllocations).ThenInclude(a => a.ReviewingOfficer)
            .Include(c => c.SocialWorkerAssignments)
            .Include(c => c.Reviews.Where(r => r.Status == ReviewStatus.Held)).ThenInclude(r => r.Chair) // as ReviewQueries.Held(); bookings are not reviews
            .AsSplitQuery()
            .SingleAsync(c => c.Id == childKey, ct);

        child.Episodes.Sort((a, b) => a.Start.CompareTo(b.Start));
        child.IroAllocations.Sort((a, b) => a.From.CompareTo(b.From));
        child.SocialWorkerAssignments.Sort((a, b) => a.From.CompareTo(b.From));
        child.Reviews.Sort((a, b) => a.HeldOn.CompareTo(b.HeldOn));
        return child;
    }
}
