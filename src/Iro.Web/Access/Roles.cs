namespace Iro.Web.Access;

public static class Roles
{
    public const string Iro = "Iro";
    public const string Manager = "Manager";
    public const string BusinessSupport = "BusinessSupport";
    public const string AgencyCoordinator = "AgencyCoordinator";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Iro, Manager, BusinessSupport, AgencyCoordinator, Analyst, Admin];

    /// <summary>Roles that see every child in the service.</summary>
    public const string ServiceWide = Manager + "," + BusinessSupport + "," + Admin;

    /// <summary>Roles that may open child-level pages at all (subject to their scope).</summary>
    public const string ChildLevel = ServiceWide + "," + Iro + "," + AgencyCoordinator;

    public static string? Normalise(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
