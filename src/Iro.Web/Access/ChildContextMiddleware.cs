using System.Globalization;

namespace Iro.Web.Access;

/// <summary>
/// Every request whose route names a child (<c>{childId}</c>, optionally <c>{reviewId}</c>) goes through the
/// child context after authentication and the endpoint's own authorization: the child is loaded within the
/// user's scope, or the request is answered 404 before any handler runs; reads are recorded in the audit trail.
/// Any other method (a form post) on a child outside the user's write scope (<see cref="WriteScope"/>) is
/// answered 403 before any handler runs, so nothing is written.
/// Because it keys on the route parameter, a new child-level page, download or API route is covered without
/// anyone remembering to call it.
/// </summary>
public sealed class ChildContextMiddleware(RequestDelegate next)
{
    /// <summary>Set on a request refused for being outside the write scope, so the error page can say why.</summary>
    public const string WriteRefusedItem = "iro.write-refused";

    public async Task InvokeAsync(HttpContext context, ChildContext child)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(child);
        if (context.GetRouteValue(ChildContext.ChildParameter) is not string childId || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        int? reviewId = null;
        if (context.GetRouteValue(ChildContext.ReviewParameter) is { } raw)
        {
            if (!int.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            reviewId = id;
        }

        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var readPath = isRead ? context.Request.Path + context.Request.QueryString : null;
        if (!await child.OpenAsync(childId, reviewId, readPath, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!isRead && !child.CanWrite)
        {
            context.Items[WriteRefusedItem] = true;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context);
    }
}
