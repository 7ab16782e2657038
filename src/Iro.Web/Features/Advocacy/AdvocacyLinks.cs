using System.Globalization;

namespace Iro.Web.Features.Advocacy;

/// <summary>Where the advocacy and independent visitor pages are.</summary>
public static class AdvocacyLinks
{
    public const string ServiceList = "/advocacy";

    public static string Index(string childId) => ChildLinks.Record(childId) + "/advocacy";

    public static string New(string childId, int? reviewId = null) =>
        Index(childId) + "/new" + (reviewId is { } id ? "?reviewId=" + id.ToString(CultureInfo.InvariantCulture) : "");

    public static string Edit(string childId, int referralId) =>
        Index(childId) + "/edit?id=" + referralId.ToString(CultureInfo.InvariantCulture);

    public static string IndependentVisitor(string childId) => ChildLinks.Record(childId) + "/independent-visitor";
}
