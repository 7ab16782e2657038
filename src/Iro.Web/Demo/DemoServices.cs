using Iro.Web.Demo;

namespace Iro.Web;

public static class DemoServices
{
    /// <summary>The demo borough and its seeder.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
