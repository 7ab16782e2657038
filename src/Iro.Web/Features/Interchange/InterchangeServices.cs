using Iro.Web.Features.Interchange;

namespace Iro.Web;

public static class InterchangeServices
{
    /// <summary>SSDA903 import and export: the services, upload and import settings, the import queue and its background runner.</summary>
    public static IServiceCollection AddInterchange(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName);
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        services.AddScoped<Ssda903Importer>();
        services.AddScoped<Ssda903Exporter>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportJobHooks>();
        services.AddHostedService<ImportJobRunner>();
        return services;
    }
}
