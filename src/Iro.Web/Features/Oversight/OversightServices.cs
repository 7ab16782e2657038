using Iro.Web.Features.Oversight;

namespace Iro.Web;

public static class OversightServices
{
    /// <summary>Oversight between reviews: the overdue lists and how far back they look.</summary>
    public static IServiceCollection AddOversight(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OversightQuery>();
        services.Configure<OversightOptions>(configuration.GetSection(OversightOptions.SectionName));
        return services;
    }
}
