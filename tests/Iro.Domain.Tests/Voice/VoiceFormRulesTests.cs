using Iro.Domain.Voice;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Voice;

public class VoiceFormRulesTests
{
    [Theory]
    // Identified 1 June 2026: 1 September is exactly 3 months (not over); 2 September is over.
    [InlineData("2026-06-01", "2026-09-01", 92, false)]
    [InlineData("2026-06-01", "2026-09-02", 93, true)]
    // From 30 November, 3 months on is 28 February (2027 is not a leap year): over from 1 March.
    [InlineData("2026-11-30", "2027-02-28", 90, false)]
    [InlineData("2026-11-30", "2027-03-01", 91, true)]
    [InlineData("2026-11-27", "2026-11-27", 0, false)]
    public void A_wait_is_counted_in_days_and_flagged_once_past_three_calendar_months(string neededOn, string today, int days, bool over)
    {
        Assert.Equal((days, over), VoiceFormRules.Waiting(D(neededOn), D(today)));
    }

    [Theory]
    [InlineData("2026-11-01", null, null, null)]
    [InlineData(null, null, null, "NeededOn")]
    [InlineData("2026-11-28", null, null, "NeededOn")]
    [InlineData("2026-11-01", "2026-10-31", null, "MatchedOn")]
    [InlineData("2026-11-01", "2026-11-10", "2026-11-09", "EndedOn")]
    [InlineData("2026-11-01", null, "2026-10-31", "EndedOn")]
    [InlineData("2026-11-01", "2026-11-10", "2026-11-10", null)]
    public void A_need_is_checked_field_by_field(string? neededOn, string? matchedOn, string? endedOn, string? field)
    {
        var problems = VoiceFormRules.VisitorProblems(new IndependentVisitorInput(N(neededOn), N(matchedOn), N(endedOn), null), D("2026-11-27"));

        Assert.Equal(field is null ? [] : [field], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("2026-11-01", "Iro", "Complaint", null, null, "2.5", null)]
    [InlineData(null, "Iro", "", null, null, null, "ReferredOn")]
    [InlineData("2026-11-01", null, "", null, null, null, "Source")]
    [InlineData("2026-11-01", "Iro", "Gardening", null, null, null, "Reasons")]
    [InlineData("2026-11-01", "Iro", "", "2026-10-31", null, null, "StartedOn")]
    [InlineData("2026-11-01", "Iro", "", "2026-11-05", "2026-11-04", null, "ClosedOn")]
    [InlineData("2026-11-01", "Iro", "", null, null, "-1", "Hours")]
    [InlineData("2026-11-01", "Iro", "", null, null, "1.255", "Hours")]
    public void A_referral_is_checked_field_by_field(string? referredOn, string? source, string reasons, string? startedOn, string? closedOn, string? hours, string? field)
    {
        var input = new AdvocacyReferralInput(
            N(referredOn), source is null ? null : Enum.Parse<AdvocacySource>(source), reasons.Split(';', StringSplitOptions.RemoveEmptyEntries), null,
            N(startedOn), N(closedOn), hours is null ? null : decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), null);

        var problems = VoiceFormRules.ReferralProblems(input, new VoiceOptions(), D("2026-11-27"));

        Assert.Equal(field is null ? [] : [field], problems.Select(p => p.Field));
    }
}
