using Iro.Web.Features.Interchange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Iro.Web;

public static class InterchangeServices
{
    /// <summary>The upload page, whose limits come from the <c>Uploads:</c> settings.</summary>
    private const string UploadPage = "/Interchange/Index";

    /// <summary>SSDA903 import and export: the services, upload limits, the import queue and its background runner.</summary>
    public static IServiceCollection AddInterchange(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName);
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<UploadOptions>>((pages, uploads) =>
            pages.Conventions.AddPageApplicationModelConvention(UploadPage, page =>
            {
                var limit = uploads.Value.MaxRequestBytes;
                // The server's own limit on the body and the form reader's, both at the request limit; the
                // per-file and file-count limits are checked by the page, which can say which file is at fault.
                var size = new RequestSizeLimitAttribute(limit);
                var form = new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit };
                page.EndpointMetadata.Add(size);
                page.EndpointMetadata.Add(form);
                page.Filters.Add(size);
                page.Filters.Add(form);
                page.Filters.Add(new UploadSizeFilter(uploads));
            }));
        services.AddScoped<Ssda903Importer>();
        services.AddScoped<Ssda903Exporter>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportJobRunner>();
        return services;
    }
}
