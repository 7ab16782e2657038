using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Iro.Web.Data;

/// <summary>
/// A query compiled once (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, CancellationToken, TResult}})"/>)
/// for each EF Core model it runs against: a compiled query is bound to the first model it runs with, and the SQLite
/// and PostgreSQL contexts each have their own. For the queries of every request, which then skip translating their
/// expression tree each time.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
