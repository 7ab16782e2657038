using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Iro.Web.Tests.Access;

/// <summary>One GET address of a child-level route: its pattern, and the named handler (download) if any.</summary>
public sealed record ChildLevelRoute(RoutePattern Pattern, string? Handler)
{
    /// <summary>The route template as written, with its leading slash (pages omit it).</summary>
    public string Template => "/" + Pattern.RawText!.TrimStart('/');

    public override string ToString() => Template + (Handler is null ? "" : "?handler=" + Handler);

    /// <summary>The address for one child and review, filling every parameter that names either.</summary>
    public string For(string childId, int reviewId)
    {
        var path = string.Concat(Pattern.PathSegments.Select(segment => "/" + string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p when ChildLevelEndpoints.NamesAChild(p.Name) => Uri.EscapeDataString(childId),
            RoutePatternParameterPart p when ChildLevelEndpoints.NamesAReview(p.Name) => reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RoutePatternParameterPart p => throw new InvalidOperationException($"{Pattern.RawText}: no value for '{p.Name}'"),
            _ => throw new InvalidOperationException($"{Pattern.RawText}: unexpected route part"),
        }))));
        return Handler is null ? path : $"{path}?handler={Handler}";
    }
}

/// <summary>
/// Finds every child-level route from the app's own endpoint data source, so that a new page, download or API
/// route is in the access matrix without anyone adding it: any route with a parameter that names a child or a
/// review, and for pages each named GET handler (downloads such as the letter or a CSV) too.
/// </summary>
public static class ChildLevelEndpoints
{
    public static bool NamesAChild(string parameter) => parameter.Contains("child", StringComparison.OrdinalIgnoreCase);

    public static bool NamesAReview(string parameter) => parameter.Contains("review", StringComparison.OrdinalIgnoreCase);

    public static async Task<IReadOnlyList<ChildLevelRoute>> DiscoverAsync(IServiceProvider services)
    {
        var routes = new List<ChildLevelRoute>();
        var pages = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (!pattern.Parameters.Any(p => NamesAChild(p.Name) || NamesAReview(p.Name))) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                var getHandlers = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)).ToList();
                if (getHandlers.Count == 0 || getHandlers.Any(h => h.Name is null)) routes.Add(new(pattern, null));
                routes.AddRange(getHandlers.Where(h => h.Name is not null).Select(h => new ChildLevelRoute(pattern, h.Name)));
            }
            else if (methods is null || methods.Contains(HttpMethods.Get))
            {
                routes.Add(new(pattern, null));
            }
        }

        return [.. routes.DistinctBy(r => r.ToString()).OrderBy(r => r.ToString(), StringComparer.Ordinal)];
    }
}
