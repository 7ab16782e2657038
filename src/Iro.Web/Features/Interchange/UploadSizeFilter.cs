using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Refuses an upload whose declared length is over the limit with 413 before anything reads its body (the
/// antiforgery check would otherwise read the whole form first). A body that declares no length is cut off by
/// the server at the same limit, which is set on the page's endpoint.
/// </summary>
internal sealed class UploadSizeFilter(IOptions<UploadOptions> options) : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery check, which reads the form.</summary>
    public int Order => -3000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength > options.Value.MaxRequestBytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
