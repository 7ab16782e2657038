using Iro.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Security;

/// <summary>
/// Refuses a change the app cannot make sense of with 400, before or instead of a half-done save or a 500:
/// <list type="bullet">
/// <item>a posted handler argument (a record's id, a status button, a version) that does not bind: these come from
/// the page itself, not from typing, so a form error would mean nothing to the user;</item>
/// <item>a save refused by the column-width guard, or by the database because a reference names nothing
/// (such as a chair who is not an IRO).</item>
/// </list>
/// Typed fields are bound to page properties and reported on the form by the page itself.
/// </summary>
public sealed class InputRefusalFilter(ILogger<InputRefusalFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method)
            && context.HandlerMethod?.Parameters.FirstOrDefault(p => HasErrors(context, p.Name)) is { } unreadable)
        {
            logger.LogInformation("Refused {Path}: the value of '{Parameter}' could not be read", context.HttpContext.Request.Path, unreadable.Name);
            context.Result = new BadRequestResult();
            return;
        }

        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled && IsRefusal(exception))
        {
            logger.LogInformation(exception, "Refused {Path}: the change could not be saved as sent", context.HttpContext.Request.Path);
            executed.ExceptionHandled = true;
            executed.Result = new BadRequestResult();
        }
    }

    private static bool HasErrors(PageHandlerExecutingContext context, string name) =>
        context.ModelState.FindKeysWithPrefix(name).Any(entry => entry.Value.Errors.Count > 0);

    /// <summary>Text beyond its column, or a reference to a row that does not exist, on either database.</summary>
    private static bool IsRefusal(Exception exception) => exception switch
    {
        TextTooLongException => true,
        DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: SqliteForeignKeyViolation } } => true,
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation or Npgsql.PostgresErrorCodes.StringDataRightTruncation } } => true,
        _ => false,
    };

    /// <summary>SQLITE_CONSTRAINT_FOREIGNKEY.</summary>
    private const int SqliteForeignKeyViolation = 787;
}
