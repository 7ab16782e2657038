using Iro.Web.Features.Governance;

namespace Iro.Web;

public static class GovernanceServices
{
    /// <summary>Audit reports, subject access exports and the retention review, for information governance.</summary>
    public static IServiceCollection AddGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditReportQuery>();
        services.AddScoped<SubjectAccessExport>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Years is >= 1 and <= 150, "Retention:Years must be a whole number of years from 1 to 150.").ValidateOnStart();
        return services;
    }
}
