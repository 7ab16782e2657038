using Iro.Web.Features.Scheduling;

namespace Iro.Web;

public static class SchedulingServices
{
    /// <summary>This instance's identity, leases on scheduled work, and the clean-up that runs once per period across instances.</summary>
    public static IServiceCollection AddScheduledWork(this IServiceCollection services)
    {
        services.AddOptions<ScheduledWorkOptions>().BindConfiguration(ScheduledWorkOptions.SectionName);
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<ScheduledWorkLeases>();
        services.AddSingleton<ScheduledCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledCleanup>());
        return services;
    }
}
