using System.Linq.Expressions;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>
/// Orders text in the database as <see cref="StringComparer.Ordinal"/> orders it in memory: SQLite compares
/// text byte by byte already; PostgreSQL follows the database's locale unless told to use the "C" collation.
/// </summary>
public static class OrdinalOrder
{
    public static IOrderedQueryable<T> ThenByOrdinal<T>(this IOrderedQueryable<T> ordered, IroDbContext db, Expression<Func<T, string>> key)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        return ordered.ThenBy(db.Database.IsNpgsql() ? InC(key) : key);
    }

    private static Expression<Func<T, string>> InC<T>(Expression<Func<T, string>> key)
    {
        var collate = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));
        return Expression.Lambda<Func<T, string>>(
            Expression.Call(collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant("C")), key.Parameters);
    }
}
