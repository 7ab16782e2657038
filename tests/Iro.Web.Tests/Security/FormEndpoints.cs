using Iro.Web.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Iro.Web.Tests.Security;

/// <summary>One posted field of a form handler: its posted name and the type it binds to.</summary>
public sealed record FormField(string Name, Type Type)
{
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;
}

/// <summary>One page handler that accepts POST: its route, its handler name (if named) and the fields it binds.</summary>
public sealed record FormHandler(RoutePattern Pattern, string? Handler, IReadOnlyList<FormField> Fields)
{
    public string Template => "/" + Pattern.RawText!.TrimStart('/');

    public override string ToString() => Template + (Handler is null ? "" : "?handler=" + Handler);

    /// <summary>The address with every route parameter filled: the child, the review, anything else from <paramref name="other"/>.</summary>
    public string For(string childId, int reviewId, string other = "1")
    {
        var path = string.Concat(Pattern.PathSegments.Select(segment => "/" + string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p when p.Name.Contains("child", StringComparison.OrdinalIgnoreCase) => Uri.EscapeDataString(childId),
            RoutePatternParameterPart p when p.Name.Contains("review", StringComparison.OrdinalIgnoreCase) => reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RoutePatternParameterPart => other,
            _ => "",
        }))));
        return Handler is null ? path : path + "?handler=" + Handler;
    }
}

/// <summary>
/// Finds every page handler that accepts POST from the app's own endpoint data source, with the fields it binds
/// (the page's bound properties and the handler's own parameters), so a new form is fuzzed without anyone adding it.
/// </summary>
public static class FormEndpoints
{
    /// <summary>Types the fuzz can write a value for; anything else (uploaded files) is left to its own tests.</summary>
    private static readonly Type[] Simple = [typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(bool), typeof(Guid), typeof(DateOnly), typeof(TimeOnly), typeof(DateInput)];

    public static async Task<IReadOnlyList<FormHandler>> DiscoverAsync(IServiceProvider services)
    {
        var handlers = new List<FormHandler>();
        var pages = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await pages.LoadAsync(page, endpoint.Metadata);
            var properties = compiled.BoundProperties
                .Where(p => p.BindingInfo?.BindingSource is null || p.BindingInfo.BindingSource.Id is "Form" or "ModelBinding" or "Custom")
                .Select(p => new FormField(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType));
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
            {
                var parameters = handler.Parameters
                    .Where(p => endpoint.RoutePattern.GetParameter(p.Name) is null)
                    .Select(p => new FormField(p.Name, p.ParameterType));
                var fields = properties.Concat(parameters).Where(f => IsSimple(f.ValueType)).DistinctBy(f => f.Name).ToList();
                handlers.Add(new FormHandler(endpoint.RoutePattern, handler.Name, fields));
            }
        }

        return [.. handlers.DistinctBy(h => h.ToString()).OrderBy(h => h.ToString(), StringComparer.Ordinal)];
    }

    private static bool IsSimple(Type type) => type.IsEnum || Simple.Contains(type);
}
