using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Codes;
using Iro.Domain.Rules;
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

    private static ReviewingOfficer? CurrentIro(Iro.Domain.Children.Child child, DateOnly on) =>
        child.IroAllocations.FirstOrDefault(a => a.From <= on && (a.To is null || a.To > on))?.ReviewingOfficer;

    [Fact]
    public void A_looked_after_parent_and_her_child_are_linked_and_have_different_iros()
    {
        var link = Assert.Single(Borough.Value.AllocationWork.ParentChildLinks);
        var (parent, child) = (link.Parent!, link.ChildOfParent!);
        Assert.True(parent.IsLookedAfterOn(AsOf));
        Assert.True(child.IsLookedAfterOn(AsOf));
        Assert.NotNull(CurrentIro(parent, AsOf));
        Assert.NotNull(CurrentIro(child, AsOf));
        Assert.NotEqual(CurrentIro(parent, AsOf), CurrentIro(child, AsOf));
        Assert.Contains(child, Borough.Value.Children);
    }

    [Fact]
    public void Two_iros_changed_their_fte_in_the_last_year()
    {
        var changes = Borough.Value.AllocationWork.FteChanges;
        Assert.Equal(2, changes.Select(c => c.ReviewingOfficer).Distinct().Count());
        foreach (var change in changes)
        {
            Assert.InRange(change.EffectiveFrom, AsOf.AddYears(-1), AsOf);
            Assert.NotEqual(change.ReviewingOfficer!.Fte, change.Fte);
            Assert.Contains(change.ReviewingOfficer, Borough.Value.Officers);
        }
    }

    [Fact]
    public void The_queue_holds_one_child_past_the_allocation_deadline_and_one_within_it()
    {
        var calendar = new WorkingDayCalendar();
        var unallocated = Borough.Value.Children
            .Where(c => c.IsLookedAfterOn(AsOf) && c.Episodes.All(e => e.LegalStatus is not (LegalStatus.V3 or LegalStatus.V4)) && CurrentIro(c, AsOf) is null)
            .ToList();
        var referred = Borough.Value.AllocationWork.AgencyReferrals.Select(r => r.Child!).ToList();
        var states = unallocated.Except(referred)
            .Select(c => AllocationHistory.Deadline(c.Episodes.Min(e => e.Start), calendar).StateOn(AsOf, null))
            .ToList();
        Assert.Equal(1, states.Count(s => s == DeadlineState.Overdue));
        Assert.Equal(1, states.Count(s => s != DeadlineState.Overdue));
    }

    [Fact]
    public void One_child_is_referred_to_the_agency_of_the_demo_coordinator()
    {
        var referral = Assert.Single(Borough.Value.AllocationWork.AgencyReferrals);
        Assert.Null(referral.ClosedOn);
        Assert.Equal(DemoBoroughGenerator.Agency, referral.Agency);
        Assert.Contains(Borough.Value.Officers, o => o.Agency == referral.Agency);
        Assert.Null(CurrentIro(referral.Child!, AsOf));
        Assert.Equal(referral.Child!.Episodes.Min(e => e.Start), referral.PeriodStart);
    }

    [Fact]
    public void The_service_caseload_per_fte_today_is_inside_the_band()
    {
        var borough = Borough.Value;
        var fteChanges = borough.AllocationWork.FteChanges.ToLookup(c => c.ReviewingOfficer!);
        var inPost = borough.Officers.Where(o => FteHistory.InPostOn(o.StartDate, o.EndDate, AsOf)).ToList();
        var fte = inPost.Sum(o => FteHistory.FteOn(o.Fte, fteChanges[o].Select(c => new FteChange(c.EffectiveFrom, c.Fte)), AsOf));
        var children = borough.Children.Count(c => c.IsLookedAfterOn(AsOf) && CurrentIro(c, AsOf) is { } iro && inPost.Contains(iro));
        var service = new Caseload(inPost.Count, fte, children);
        Assert.Equal(BandPosition.Within, new CaseloadBand().PositionOf(service.PerFte!.Value));
    }
}
