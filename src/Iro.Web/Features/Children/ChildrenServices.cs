using Iro.Web.Features.Children;

namespace Iro.Web;

public static class ChildrenServices
{
    /// <summary>The children list, the child record and who has opened it.</summary>
    public static IServiceCollection AddChildren(this IServiceCollection services)
    {
        services.AddScoped<ChildrenQuery>();
        services.AddScoped<ChildRecordQuery>();
        services.AddScoped<RecordAccessQuery>();
        services.AddSingleton<ChildRecordResults>();
        return services;
    }
}
