using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Puts the <see cref="UploadOptions"/> request limit on a page that takes uploads, before anything reads the
/// body (the antiforgery check reads the whole form): a request declaring a larger body is refused with 413
/// at once, and the server and the form reader stop reading any body at that limit. The per-file and
/// file-count limits are checked by the page, which can say which file is at fault.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Before the antiforgery check, as the framework's own request size filters are.</summary>
    public int Order => -3000;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new UploadSizeFilter(serviceProvider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxRequestBytes);

    private sealed class UploadSizeFilter(long limit) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (http.Request.ContentLength > limit)
            {
                context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
            if (!http.Request.HasFormContentType || http.Features.Get<IFormFeature>()?.Form is not null) return;
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }
}
