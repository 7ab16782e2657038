using System.Globalization;

namespace Iro.Web.Features.Missing;

/// <summary>The addresses of the missing-episode pages.</summary>
public static class MissingLinks
{
    public const string Service = "/missing";

    public static string Child(string childId) => ChildLinks.Record(childId) + "/missing";

    public static string New(string childId) => Child(childId) + "/new";

    /// <summary>The interview form of one episode; the episode is in the query so the child's route stays the only key.</summary>
    public static string Interview(string childId, int episodeId) =>
        Child(childId) + "/interview?episode=" + episodeId.ToString(CultureInfo.InvariantCulture);
}
