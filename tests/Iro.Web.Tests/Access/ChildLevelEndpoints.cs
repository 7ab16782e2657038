using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Iro.Web.Tests.Access;

/// <summary>
/// One GET address of a child-level route: its pattern, the named handler (download) if any, and the handler's
/// parameters that come from the query string (such as the decision a confirmation page is about).
/// </summary>
public sealed record ChildLevelRoute(RoutePattern Pattern, string? Handler, IReadOnlyList<string> QueryParameters)
{
    public ChildLevelRoute(RoutePattern pattern, string? handler)
        : this(pattern, handler, [])
    {
    }

    /// <summary>The route template as written, with its leading slash (pages omit it).</summary>
    public string Template => "/" + Pattern.RawText!.TrimStart('/');

    public override string ToString() => Template + (Handler is null ? "" : "?handler=" + Handler);

    /// <summary>
    /// The address for one child and review, filling every parameter that names either, and the query
    /// parameters from <paramref name="samples"/> (values that belong to that review).
    /// </summary>
    public string For(string childId, int reviewId, IReadOnlyDictionary<string, string>? samples = null)
    {
        var path = string.Concat(Pattern.PathSegments.Select(segment => "/" + string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p when ChildLevelEndpoints.NamesAChild(p.Name) => Uri.EscapeDataString(childId),
            RoutePatternParameterPart p when ChildLevelEndpoints.NamesAReview(p.Name) => reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RoutePatternParameterPart p when samples is not null && samples.TryGetValue(p.Name, out var sample) => sample,
            RoutePatternParameterPart p => throw new InvalidOperationException($"{Pattern.RawText}: no value for '{p.Name}'"),
            _ => throw new InvalidOperationException($"{Pattern.RawText}: unexpected route part"),
        }))));
        var parts = new List<string>();
        if (Handler is not null) parts.Add("handler=" + Handler);
        foreach (var name in QueryParameters)
        {
            if (samples is null || !samples.TryGetValue(name, out var value))
                throw new InvalidOperationException($"{this}: the matrix has no sample value for '{name}'");
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }

        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }
}

/// <summary>
/// Finds every child-level route from the app's own endpoint data source, so that a new page, download or API
/// route is in the access matrix without anyone adding it: any route with a parameter that names a child or a
/// review, and for pages each named GET handler (downloads such as the letter or a CSV) too.
/// </summary>
public static class ChildLevelEndpoints
{
    /// <summary>The route parameter naming one of the child's escalations; the matrix fills it from its scenario.</summary>
    public const string EscalationParameter = "escalationId";

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
                routes.AddRange(getHandlers.Where(h => h.Name is not null).Select(h => new ChildLevelRoute(pattern, h.Name, QueryParametersOf(h, pattern))));
            }
            else if (methods is null || methods.Contains(HttpMethods.Get))
            {
                routes.Add(new(pattern, null));
            }
        }

        return [.. routes.DistinctBy(r => r.ToString()).OrderBy(r => r.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every handler that changes something on a child-level route: each named or unnamed POST handler of a page,
    /// and every API route that accepts another method than GET. Their values come in the form body.
    /// </summary>
    public static async Task<IReadOnlyList<ChildLevelRoute>> DiscoverWritesAsync(IServiceProvider services)
    {
        var routes = new List<ChildLevelRoute>();
        var pages = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (!pattern.Parameters.Any(p => NamesAChild(p.Name) || NamesAReview(p.Name))) continue;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                routes.AddRange(compiled.HandlerMethods
                    .Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
                    .Select(h => new ChildLevelRoute(pattern, h.Name)));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { } methods && methods.Any(m => m != HttpMethods.Get && m != HttpMethods.Head))
            {
                routes.Add(new(pattern, null));
            }
        }

        return [.. routes.DistinctBy(r => r.ToString()).OrderBy(r => r.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>A handler's simple parameters that are not in the route: they are bound from the query string.</summary>
    private static List<string> QueryParametersOf(HandlerMethodDescriptor handler, RoutePattern pattern) =>
        [.. handler.Parameters
            .Where(p => (p.ParameterType.IsPrimitive || p.ParameterType == typeof(string)) && pattern.GetParameter(p.Name) is null)
            .Select(p => p.Name)];
}
