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

    public static string Escalations(string childId) => Record(childId) + "/escalations";

    /// <summary>Raise an escalation; prefilled from an overdue review decision when <paramref name="decisionId"/> is given.</summary>
    public static string RaiseEscalation(string childId, int? decisionId = null) =>
        Escalations(childId) + "/new" + (decisionId is { } id ? "?decision=" + id.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>Raise an escalation prefilled with a theme's key and the concern (from a list of drifting plans).</summary>
    public static string RaiseEscalation(string childId, string theme, string concern) =>
        Escalations(childId) + "/new?theme=" + Uri.EscapeDataString(theme) + "&concern=" + Uri.EscapeDataString(concern);

    public static string Escalation(string childId, int escalationId) =>
        Escalations(childId) + "/" + escalationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page of one escalation: "response", "next", "resolve", "cafcass", "notice", "notice.docx".</summary>
    public static string Escalation(string childId, int escalationId, string page) => Escalation(childId, escalationId) + "/" + page;

    public static string ReviewTimetableApi(string childId) => "/api/v1/children/" + Uri.EscapeDataString(childId) + "/review-timetable";
}
