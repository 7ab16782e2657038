using Iro.Domain.Allocations;
using Iro.Web.Features.Caseloads;

namespace Iro.Web;

public static class CaseloadsServices
{
    /// <summary>Caseloads: the one count, the caseload band and the allocations import.</summary>
    public static IServiceCollection AddCaseloads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CaseloadSource>();
        services.AddScoped<ImportAllocations>();
        services.AddSingleton(configuration.GetSection(AllocationOptions.SectionName).Get<AllocationOptions>()?.Band ?? new CaseloadBand());
        return services;
    }
}
