using Iro.Web.Features.Interchange;

namespace Iro.Web;

public static class InterchangeServices
{
    /// <summary>SSDA903 import and export: the services, the upload queue and its background runner.</summary>
    public static IServiceCollection AddInterchange(this IServiceCollection services)
    {
        services.AddScoped<Ssda903Importer>();
        services.AddScoped<Ssda903Exporter>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportJobRunner>();
        return services;
    }
}
