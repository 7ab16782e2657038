using System.Globalization;

namespace Iro.Web.Features.ConnectedPersons;

/// <summary>Where the connected-person approval pages are.</summary>
public static class ConnectedPersonLinks
{
    public static string Index(string childId) => ChildLinks.Record(childId) + "/connected-person";

    public static string Edit(string childId, int approvalId) =>
        Index(childId) + "/edit?id=" + approvalId.ToString(CultureInfo.InvariantCulture);
}
