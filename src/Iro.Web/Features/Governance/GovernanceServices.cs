using Iro.Web.Features.Governance;

namespace Iro.Web;

public static class GovernanceServices
{
    /// <summary>Audit reports, subject access exports and the retention review, for information governance.</summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditReportQuery>();
        return services;
    }
}
