using Iro.Domain.Children;
using Iro.Domain.Codes;

namespace Iro.Domain.Voice;

/// <summary>
/// A child in secure accommodation (placement K1, a secure children's home) always needs an advocate: the order is
/// reviewed and the child must be helped to take part (CA 1989 s.25, s.26A).
/// </summary>
public static class SecureAccommodation
{
    public static bool IsSecure(CareEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return episode.Placement == PlacementType.K1;
    }

    /// <summary>In secure accommodation on the date with no advocacy referral open on it.</summary>
    public static bool LacksAdvocacy(IEnumerable<CareEpisode> episodes, IEnumerable<AdvocacyReferral> referrals, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(referrals);
        return episodes.Any(e => IsSecure(e) && e.Start <= on && (e.End is null || e.End > on))
            && !referrals.Any(r => !r.IsDeleted && r.IsOpenOn(on));
    }
}
