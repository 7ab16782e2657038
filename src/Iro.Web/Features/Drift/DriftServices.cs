using Iro.Web.Features.Drift;

namespace Iro.Web;

public static class DriftServices
{
    /// <summary>The drift list and the child record's drift items.</summary>
    public static IServiceCollection AddDrift(this IServiceCollection services)
    {
        services.AddScoped<DriftQuery>();
        services.AddScoped<DriftEvaluator>();
        services.AddSingleton<DriftListCache>();
        return services;
    }
}
