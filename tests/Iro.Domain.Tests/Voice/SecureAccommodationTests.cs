using Iro.Domain.Codes;
using Iro.Domain.Voice;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Voice;

public class SecureAccommodationTests
{
    private static AdvocacyReferral Referral(string referredOn, string? closedOn = null, bool deleted = false) =>
        new() { ReferredOn = D(referredOn), ClosedOn = N(closedOn), IsDeleted = deleted };

    [Theory]
    // Secure (K1) from 1 May 2024, still there; no referral: flagged.
    [InlineData("K1", null, null, null, false, "2024-06-01", true)]
    // A referral open on the day clears the flag.
    [InlineData("K1", null, "2024-05-02", null, false, "2024-06-01", false)]
    // Closed the day before: no longer open, flagged; closed on the day: still open that day.
    [InlineData("K1", null, "2024-05-02", "2024-05-31", false, "2024-06-01", true)]
    [InlineData("K1", null, "2024-05-02", "2024-06-01", false, "2024-06-01", false)]
    // Referred the day after: not yet open.
    [InlineData("K1", null, "2024-06-02", null, false, "2024-06-01", true)]
    // A deleted referral does not count.
    [InlineData("K1", null, "2024-05-02", null, true, "2024-06-01", true)]
    // Left secure accommodation on the day: an episode ending on a date is not open on it.
    [InlineData("K1", "2024-06-01", null, null, false, "2024-06-01", false)]
    [InlineData("K1", "2024-06-02", null, null, false, "2024-06-01", true)]
    // Not secure: a children's home (K2) is never flagged.
    [InlineData("K2", null, null, null, false, "2024-06-01", false)]
    // Placed secure from a later date.
    [InlineData("K1", null, null, null, false, "2024-04-30", false)]
    public void A_child_in_secure_accommodation_without_an_open_referral_is_flagged(
        string placement, string? episodeEnd, string? referredOn, string? closedOn, bool deleted, string on, bool flagged)
    {
        var episodes = new[] { Ep("2024-05-01", episodeEnd, place: Enum.Parse<PlacementType>(placement)) };
        var referrals = referredOn is null ? [] : new[] { Referral(referredOn, closedOn, deleted) };

        Assert.Equal(flagged, SecureAccommodation.LacksAdvocacy(episodes, referrals, D(on)));
    }
}
