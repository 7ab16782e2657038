using Iro.Domain.Reviews;
using Iro.Web.Features.Reviews;

namespace Iro.Web;

public static class ReviewsServices
{
    /// <summary>The review workspace: review options, the next review due and the change history of reviews.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReviewOptions>(configuration.GetSection(ReviewOptions.SectionName));
        services.AddScoped<ReviewWorkspace>();
        services.AddScoped<NextReviewDue>();
        services.AddScoped<AuditTrailQuery>();
        return services;
    }
}
