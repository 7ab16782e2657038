using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Security;

/// <summary>
/// The input limits every form gets without code of its own: enum values only from their set, dates within a
/// sane range, a request whose hidden values do not bind (or whose save breaks a column or a reference) refused
/// rather than half-done, and pages answering only the methods a form can send.
/// </summary>
public static class InputLimits
{
    /// <summary>The methods a page answers; anything else is 405.</summary>
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public static IServiceCollection AddInputLimits(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(options =>
        {
            options.ModelBinderProviders.Insert(0, new DefinedEnumBinderProvider());
            options.ModelBinderProviders.Insert(0, new SaneDateBinderProvider());
            options.Filters.Add<InputRefusalFilter>();
        });
        return services;
    }

    /// <summary>
    /// Pages answer GET, HEAD and POST only: PUT, DELETE, PATCH and the rest are 405 with an Allow header, before
    /// any page code runs. Call after routing, so the page endpoint is known.
    /// </summary>
    public static IApplicationBuilder UsePageMethodsOnly(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null
            || PageMethods.Any(m => HttpMethods.Equals(m, context.Request.Method))) return next(context);
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", PageMethods);
        return Task.CompletedTask;
    });
}
