using Iro.Web.Features.AnnualReport;

namespace Iro.Web;

public static class AnnualReportServices
{
    /// <summary>The IRO annual report: its figures for a reporting year, computed from the data.</summary>
    public static IServiceCollection AddAnnualReport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.SectionName));
        services.AddScoped<AnnualReportQuery>();
        services.AddScoped<ReportRecordedActivity>();
        services.AddScoped<AnnualReportBook>();
        services.AddScoped<CaseStudyNameCheck>();
        services.AddSingleton<ReportDownloads>();
        return services;
    }
}
