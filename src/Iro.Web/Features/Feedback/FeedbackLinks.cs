using System.Globalization;

namespace Iro.Web.Features.Feedback;

/// <summary>Where the feedback pages are.</summary>
public static class FeedbackLinks
{
    public const string Campaigns = "/feedback/campaigns";

    public static string Child(string childId) => ChildLinks.Record(childId) + "/feedback";

    public static string New(string childId, int reviewId) =>
        Child(childId) + "/new?reviewId=" + reviewId.ToString(CultureInfo.InvariantCulture);

    public static string CampaignReturn(int campaignId) =>
        Campaigns + "/return?id=" + campaignId.ToString(CultureInfo.InvariantCulture);
}
