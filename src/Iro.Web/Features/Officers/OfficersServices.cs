using Iro.Web.Features.Officers;

namespace Iro.Web;

public static class OfficersServices
{
    /// <summary>IROs: caseloads and the IRO import.</summary>
    public static IServiceCollection AddOfficers(this IServiceCollection services)
    {
        services.AddScoped<CaseloadQuery>();
        services.AddScoped<ImportOfficers>();
        return services;
    }
}
