using Iro.Web.Features.Reporting;

namespace Iro.Web;

public static class ReportingServices
{
    /// <summary>The service-wide reports: headline counts, reviews due, timeliness (and its late reasons), data quality.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<HeadlineQuery>();
        services.AddScoped<ReviewsDueQuery>();
        services.AddScoped<TimelinessQuery>();
        services.AddScoped<LateReasonForm>();
        services.AddScoped<AuditedDownload>();
        services.AddScoped<Features.BulkImportWriter>();
        return services;
    }
}
