using Iro.Domain.Voice;
using Iro.Web.Features.Feedback;
using Microsoft.Extensions.Options;

namespace Iro.Web;

public static class FeedbackServices
{
    /// <summary>Children's feedback, missing-episode interviews, placement-move and file-audit records.</summary>
    public static IServiceCollection AddVoiceRecords(this IServiceCollection services, IConfiguration configuration)
    {
        // The voice settings are shared with the advocacy pages: bound once, whichever registers first.
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<VoiceOptions>)))
            services.Configure<VoiceOptions>(configuration.GetSection(VoiceOptions.SectionName));
        services.AddScoped<ImportFeedback>();
        return services;
    }
}
