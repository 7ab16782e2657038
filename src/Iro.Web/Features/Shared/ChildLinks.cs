using System.Globalization;

namespace Iro.Web.Features;

/// <summary>
/// The one place that knows the addresses of a child's pages. Pages, redirects, lists and CSV links build
/// child-level links from here, so an address changes in one place. Child identifiers are escaped.
/// </summary>
public static class ChildLinks
{
    public static string Record(string childId) => "/children/" + Uri.EscapeDataString(childId);

    public static string Reviews(string childId) => Record(childId) + "/reviews";

    public static string Oversight(string childId) => Record(childId) + "/oversight";

    /// <summary>Book a review, or change a booking when <paramref name="reviewId"/> is given.</summary>
    public static string Plan(string childId, int? reviewId = null) =>
        Reviews(childId) + "/plan" + (reviewId is { } id ? "/" + id.ToString(CultureInfo.InvariantCulture) : "");

    public static string Review(string childId, int reviewId) =>
        Reviews(childId) + "/" + reviewId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page of one review: "record", "adjourn", "change", "decisions", "letter", "letter/print".</summary>
    public static string Review(string childId, int reviewId, string page) => Review(childId, reviewId) + "/" + page;

    public static string ReviewTimetableApi(string childId) => "/api/v1/children/" + Uri.EscapeDataString(childId) + "/review-timetable";
}
