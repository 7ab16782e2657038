using Iro.Domain.Voice;
using Iro.Web.Features.Advocacy;
using Iro.Web.Features.IndependentVisitors;
using Iro.Web.Features.Voice;
using Microsoft.Extensions.Options;

namespace Iro.Web;

public static class VoiceServices
{
    /// <summary>Advocacy referrals, independent visitors, their imports and the year's child's-voice figures.</summary>
    public static IServiceCollection AddAdvocacyAndVisitors(this IServiceCollection services, IConfiguration configuration)
    {
        // Other child's-voice features read the same settings: bind them once only, or the lists would repeat.
        if (!services.Any(s => s.ServiceType == typeof(IConfigureOptions<VoiceOptions>)))
            services.Configure<VoiceOptions>(configuration.GetSection(VoiceOptions.SectionName));
        services.AddScoped<VoiceImport>();
        services.AddScoped<ImportAdvocacy>();
        services.AddScoped<ImportVisitors>();
        services.AddScoped<VoiceSummaryQuery>();
        services.AddScoped<AdvocacyWorkspace>();
        services.AddScoped<OpenReferralsQuery>();
        return services;
    }
}
