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

    public static string? Normalise(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
