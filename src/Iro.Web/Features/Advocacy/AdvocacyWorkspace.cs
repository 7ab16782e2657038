using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Advocacy;

/// <summary>
/// A child's advocacy referrals for the advocacy pages. The child context has already loaded the child within the
/// user's scope, so referrals are found by the child's key only: another child's referral is simply not found.
/// </summary>
public sealed class AdvocacyWorkspace(IroDbContext db, ChildContext context, TimeProvider clock, IOptions<VoiceOptions> options)
{
    public const string ConcurrencyMessage =
        "Someone else changed this referral while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";

    public IroDbContext Db => db;
    public ChildContext Context => context;
    public VoiceOptions Options => options.Value;
    public DateOnly Today => clock.ServiceToday();

    /// <summary>The child's referrals, newest first (read only).</summary>
    public async Task<List<AdvocacyReferral>> AllAsync(CancellationToken ct) =>
        await db.AdvocacyReferrals.AsNoTracking().Where(r => r.ChildId == context.ChildKey)
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>One referral of the child, tracked; null when it is not this child's.</summary>
    public Task<AdvocacyReferral?> FindAsync(int id, CancellationToken ct) =>
        db.AdvocacyReferrals.SingleOrDefaultAsync(r => r.Id == id && r.ChildId == context.ChildKey, ct);

    /// <summary>Whether the child is in secure accommodation today with no advocacy referral open.</summary>
    public async Task<bool> LacksAdvocacyAsync(IReadOnlyList<AdvocacyReferral> referrals, CancellationToken ct)
    {
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == context.ChildKey).ToListAsync(ct);
        return SecureAccommodation.LacksAdvocacy(episodes, referrals, Today);
    }

    /// <summary>The date of one of the child's reviews, or null when it is not this child's.</summary>
    public async Task<DateOnly?> ReviewDateAsync(int reviewId, CancellationToken ct) =>
        await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId && r.ChildId == context.ChildKey)
            .Select(r => (DateOnly?)r.HeldOn).SingleOrDefaultAsync(ct);

    /// <summary>Saves with the concurrency check on the version the form was loaded with; false, saving nothing, when someone saved in between.</summary>
    public async Task<bool> TrySaveAsync(AdvocacyReferral referral, Guid loadedVersion, CancellationToken ct)
    {
        var version = db.Entry(referral).Property(r => r.Version);
        version.OriginalValue = loadedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
