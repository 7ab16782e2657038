using System.Linq.Expressions;
using System.Reflection;

namespace Iro.Domain.Rules;

/// <summary>
/// Builds query predicates from the domain's rules so each rule is written once and works both in memory and in
/// EF Core queries (the built trees are the ones a hand-written lambda would give, so they translate to SQL).
/// </summary>
public static class Predicate
{
    private static readonly MethodInfo EnumerableAny = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2);

    private static readonly MethodInfo EnumerableWhere = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Where) && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2);

    /// <summary>
    /// Fixes a rule's date argument. The date is held in a closure-like holder, so EF Core sends it as a query
    /// parameter rather than inlining it (one cached query plan whatever the date).
    /// </summary>
    public static Expression<Func<T, bool>> Bind<T, TArg>(this Expression<Func<T, TArg, bool>> rule, TArg argument)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var holder = Expression.Property(Expression.Constant(new ArgumentHolder<TArg>(argument)), nameof(ArgumentHolder<TArg>.Value));
        var body = new Replace(rule.Parameters[1], holder).Visit(rule.Body)!;
        return Expression.Lambda<Func<T, bool>>(body, rule.Parameters[0]);
    }

    /// <summary><c>parent => parent.Collection.Any(predicate)</c>.</summary>
    public static Expression<Func<TParent, bool>> Any<TParent, TChild>(
        Expression<Func<TParent, IEnumerable<TChild>>> collection, Expression<Func<TChild, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(predicate);
        var any = Expression.Call(EnumerableAny.MakeGenericMethod(typeof(TChild)), collection.Body, predicate);
        return Expression.Lambda<Func<TParent, bool>>(any, collection.Parameters[0]);
    }

    /// <summary><c>parent => parent.Collection.Where(predicate)</c>, as a filtered navigation for EF Core's Include.</summary>
    public static Expression<Func<TParent, IEnumerable<TChild>>> Where<TParent, TChild>(
        Expression<Func<TParent, IEnumerable<TChild>>> collection, Expression<Func<TChild, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(predicate);
        var where = Expression.Call(EnumerableWhere.MakeGenericMethod(typeof(TChild)), collection.Body, predicate);
        return Expression.Lambda<Func<TParent, IEnumerable<TChild>>>(where, collection.Parameters[0]);
    }

    /// <summary>Both predicates, over the first one's parameter.</summary>
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var rightBody = new Replace(right.Parameters[0], left.Parameters[0]).Visit(right.Body)!;
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, rightBody), left.Parameters[0]);
    }

    /// <summary><c>x => left(x) || right(x)</c>, on one parameter.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var rightBody = new Replace(right.Parameters[0], left.Parameters[0]).Visit(right.Body)!;
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, rightBody), left.Parameters[0]);
    }

    private sealed class ArgumentHolder<TArg>(TArg value)
    {
        public TArg Value { get; } = value;
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
