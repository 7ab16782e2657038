using Iro.Domain.Escalations;
using Iro.Web.Features.Escalations;

namespace Iro.Web;

public static class EscalationServices
{
    /// <summary>The dispute resolution process: its configured levels, themes and clocks, the child's escalation pages and the open list.</summary>
    public static IServiceCollection AddEscalations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        services.AddScoped<EscalationSummaryQuery>();
        services.AddScoped<ImportEscalations>();
        services.AddScoped<EscalationWorkspace>();
        services.AddScoped<OpenEscalationsQuery>();
        return services;
    }
}
