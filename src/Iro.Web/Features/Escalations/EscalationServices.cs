using Iro.Domain.Escalations;

namespace Iro.Web;

public static class EscalationServices
{
    /// <summary>The dispute resolution process: its configured levels, themes and clocks.</summary>
    public static IServiceCollection AddEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        return services;
    }
}
