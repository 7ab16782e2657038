using Iro.Web.Access;

namespace Iro.Web.Features.AccountAdministration;

/// <summary>Roles as administrators read them.</summary>
public static class RoleLabels
{
    public static readonly IReadOnlyList<(string Value, string Label)> Options =
    [
        (Roles.Iro, "IRO"),
        (Roles.Manager, "IRO manager"),
        (Roles.BusinessSupport, "Business support"),
        (Roles.AgencyCoordinator, "Agency coordinator"),
        (Roles.Analyst, "Performance analyst"),
        (Roles.Admin, "Administrator"),
    ];

    public static string Of(string? role) =>
        role is null ? "No role" : Options.FirstOrDefault(o => o.Value == role).Label ?? role;
}
