using Iro.Domain.Allocations;
using Iro.Web.Features.Allocations;

namespace Iro.Web;

public static class AllocationServices
{
    /// <summary>Allocation of IROs: the configured band and change reasons, the workspace every change goes through, the queue.</summary>
    public static IServiceCollection AddAllocations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AllocationOptions>(configuration.GetSection(AllocationOptions.SectionName));
        services.AddScoped<AllocationWorkspace>();
        services.AddScoped<AllocationQueueQuery>();
        services.AddScoped<AllocationChangesQuery>();
        return services;
    }
}
