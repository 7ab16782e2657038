using Iro.Web.Features.Account;

namespace Iro.Web;

public static class AccountServices
{
    /// <summary>Staff accounts: provisioning from the command line and the demo.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserProvisioning>();
        return services;
    }
}
