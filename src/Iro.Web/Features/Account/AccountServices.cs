using Iro.Web.Features.Account;

namespace Iro.Web;

public static class AccountServices
{
    /// <summary>Staff accounts: provisioning from the command line and the demo, and administrators' changes.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserProvisioning>();
        services.AddScoped<Features.AccountAdministration.AccountAdministrationService>();
        return services;
    }
}
