namespace Iro.Web.Tests.Access;

/// <summary>Every child-level page and API route; each must answer "not found" for a child out of scope.</summary>
public static class ChildLevelRoutes
{
    public static readonly string[] All =
    [
        "/children/{0}",
        "/api/v1/children/{0}",
        "/api/v1/children/{0}/review-timetable",
        "/children/{0}/reviews",
        "/children/{0}/oversight",
    ];
}
