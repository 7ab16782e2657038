using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Web.Demo;

namespace Iro.Web.Tests.Features;

public sealed class DemoBoroughTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);
    private static readonly Lazy<DemoBorough> Borough = new(() => new DemoBoroughGenerator(2026, 320, AsOf).Generate());

    private static string Fingerprint(DemoBorough borough) => JsonSerializer.Serialize(
        borough.Children.Select(c => new
        {
            c.LocalId, c.FirstName, c.LastName, c.DateOfBirth, c.Sex, c.Ethnicity, c.Upn, c.SiblingGroup,
            Episodes = c.Episodes.Select(e => new { e.Start, e.End, e.ReasonForNewEpisode, e.LegalStatus, e.Placement, e.ReasonCeased }),
            Allocations = c.IroAllocations.Select(a => new { a.ReviewingOfficer!.Email, a.From, a.To }),
            Reviews = c.Reviews.Select(r => new { r.HeldOn, r.Participation }),
        }),
        JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void The_same_seed_produces_the_same_borough()
    {
        var again = new DemoBoroughGenerator(2026, 320, AsOf).Generate();
        Assert.Equal(Fingerprint(Borough.Value), Fingerprint(again));
    }

    [Fact]
    public void A_different_seed_produces_a_different_borough()
    {
        var other = new DemoBoroughGenerator(7, 320, AsOf).Generate();
        Assert.NotEqual(Fingerprint(Borough.Value), Fingerprint(other));
    }

    [Fact]
    public void About_320_children_are_looked_after_at_31_March()
    {
        var count = DemoBoroughGenerator.CountLookedAfter(Borough.Value.Children, new DateOnly(2026, 3, 31));
        Assert.InRange(count, 300, 340);
    }

    [Fact]
    public void There_are_twelve_iros_two_in_house_and_ten_from_one_agency()
    {
        var officers = Borough.Value.Officers;
        Assert.Equal(12, officers.Count);
        Assert.Equal(2, officers.Count(o => o.Employment == Employment.InHouse));
        var agencies = officers.Where(o => o.Employment == Employment.Commissioned).Select(o => o.Agency).ToList();
        Assert.Equal(10, agencies.Count);
        Assert.Single(agencies.Distinct());
    }

    [Fact]
    public void History_covers_three_years_with_entries_leavers_reentries_siblings_and_uasc()
    {
        var children = Borough.Value.Children;
        var episodes = children.SelectMany(c => c.Episodes).ToList();
        Assert.True(episodes.Min(e => e.Start) <= new DateOnly(2023, 4, 1));
        Assert.True(episodes.Count(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.Start >= new DateOnly(2025, 4, 1) && e.Start <= new DateOnly(2026, 3, 31)) > 60);
        Assert.True(episodes.Count(e => e.ReasonCeased is { } r && r != ReasonEpisodeCeased.X1 && e.End >= new DateOnly(2025, 4, 1) && e.End <= new DateOnly(2026, 3, 31)) > 60);
        Assert.Contains(episodes, e => e.ReasonForNewEpisode == ReasonForNewEpisode.P);
        Assert.Contains(children, c => c.Episodes.Count(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.LegalStatus != LegalStatus.V3) > 1);
        Assert.True(children.Where(c => c.SiblingGroup is not null).GroupBy(c => c.SiblingGroup).Count() >= 10);
        Assert.True(children.Count(c => c.IsUnaccompaniedAsylumSeeker) >= 10);
        Assert.Contains(children, c => c.Episodes.Any(e => e.ReasonCeased is ReasonEpisodeCeased.E11 or ReasonEpisodeCeased.E12));
    }

    [Fact]
    public void Episodes_of_each_child_are_consistent()
    {
        foreach (var child in Borough.Value.Children)
        {
            var ordered = child.Episodes.OrderBy(e => e.Start).ToList();
            Assert.Equal(ReasonForNewEpisode.S, ordered[0].ReasonForNewEpisode);
            for (var i = 0; i < ordered.Count; i++)
            {
                var e = ordered[i];
                if (e.End is { } end) Assert.True(end >= e.Start, $"{child.LocalId}: episode ends before it starts");
                if (i + 1 < ordered.Count)
                {
                    Assert.NotNull(e.End);
                    var next = ordered[i + 1];
                    if (e.ReasonCeased == ReasonEpisodeCeased.X1) Assert.Equal(e.End, next.Start);
                    else Assert.Equal(ReasonForNewEpisode.S, next.ReasonForNewEpisode);
                }
            }
        }
    }

    [Fact]
    public void Participation_codes_fit_the_childs_age_and_every_review_has_a_chair()
    {
        foreach (var child in Borough.Value.Children)
        {
            foreach (var review in child.Reviews)
            {
                Assert.True(ParticipationCodes.FitsAge(review.Participation!.Value, child.DateOfBirth, review.HeldOn),
                    $"{child.LocalId} review {review.HeldOn}: {review.Participation}");
                Assert.NotNull(review.Chair);
                Assert.True(review.HeldOn <= AsOf);
            }
        }
    }

    [Fact]
    public void Scaling_changes_the_size()
    {
        var small = new DemoBoroughGenerator(2026, 60, AsOf).Generate();
        Assert.InRange(DemoBoroughGenerator.CountLookedAfter(small.Children, new DateOnly(2026, 3, 31)), 45, 75);
    }
}
