using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// A table read in storage order, for reads that take most of a table (a collection year's episodes and reviews).
/// SQLite's planner walks any index the filter can use and looks up each row in the table from it, which for most
/// of a table is several times the work of reading the table in order; <c>NOT INDEXED</c> makes it read the table.
/// PostgreSQL's planner chooses a sequential scan by itself when a filter keeps most rows, so it is left alone.
/// Further LINQ composes on top as usual (query filters included).
/// </summary>
internal static class TableScan
{
    public static IQueryable<T> Scanned<T>(this IroDbContext db) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = db.Set<T>();
        if (db is not SqliteIroDbContext) return set;
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var sql = "SELECT * FROM " + db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table) + " NOT INDEXED";
        return set.FromSqlRaw(sql);
    }
}
