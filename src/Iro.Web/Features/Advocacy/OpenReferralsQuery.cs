using Iro.Domain.Codes;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Advocacy;

/// <summary>
/// The open advocacy referrals of the children in the user's scope (an IRO's own, or the whole service), oldest
/// first, and the children in secure accommodation today without one open.
/// </summary>
public sealed class OpenReferralsQuery(IroDbContext db)
{
    public sealed record Filters(string? Source, string? Reason);

    public sealed record Row(string ChildId, string ChildName, AdvocacyReferral Referral, int DaysOpen);

    public sealed record SecureChild(string ChildId, string ChildName);

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, Filters filters, VoiceOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(options);
        var visible = db.Children.VisibleTo(user);
        var open = db.AdvocacyReferrals.AsNoTracking()
            .Where(r => r.ReferredOn <= today && (r.ClosedOn == null || r.ClosedOn >= today) && visible.Any(c => c.Id == r.ChildId));
        if (Enum.TryParse<AdvocacySource>(filters.Source, out var source) && Enum.IsDefined(source)) open = open.Where(r => r.Source == source);
        var rows = await open.Select(r => new { r.Child!.LocalId, r.Child.FirstName, r.Child.LastName, Referral = r }).ToListAsync(ct);
        var reason = options.AdvocacyReason(filters.Reason)?.Key;
        return [.. rows
            .Where(r => reason is null || r.Referral.Reasons.Contains(reason, StringComparer.OrdinalIgnoreCase))
            .Select(r => new Row(r.LocalId, Domain.Children.Child.DisplayNameOf(r.LocalId, r.FirstName, r.LastName), r.Referral, today.DayNumber - r.Referral.ReferredOn.DayNumber))
            .OrderBy(r => r.Referral.ReferredOn).ThenBy(r => r.ChildId, StringComparer.Ordinal)];
    }

    /// <summary>Children in scope placed in secure accommodation today with no advocacy referral open.</summary>
    public async Task<IReadOnlyList<SecureChild>> SecureWithoutAdvocacyAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var secure = await db.Children.AsNoTracking().VisibleTo(user)
            .Where(c => c.Episodes.Any(e => e.Placement == PlacementType.K1 && e.Start <= today && (e.End == null || e.End > today)))
            .Select(c => new { c.Id, c.LocalId, c.FirstName, c.LastName, Episodes = c.Episodes.ToList() })
            .ToListAsync(ct);
        if (secure.Count == 0) return [];
        var ids = secure.Select(c => c.Id).ToList();
        var referrals = (await db.AdvocacyReferrals.AsNoTracking().Where(r => ids.Contains(r.ChildId)).ToListAsync(ct)).ToLookup(r => r.ChildId);
        return [.. secure
            .Where(c => SecureAccommodation.LacksAdvocacy(c.Episodes, referrals[c.Id], today))
            .Select(c => new SecureChild(c.LocalId, Domain.Children.Child.DisplayNameOf(c.LocalId, c.FirstName, c.LastName)))
            .OrderBy(c => c.ChildId, StringComparer.Ordinal)];
    }
}
