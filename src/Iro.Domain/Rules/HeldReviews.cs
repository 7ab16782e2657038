using System.Linq.Expressions;
using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Rules;

/// <summary>
/// A child's held reviews as a navigation filter, so a query that loads children with their reviews
/// (<c>Include(HeldReviews.OfChild)</c>) keeps only the reviews <see cref="ReviewQueries.IsHeld"/> counts.
/// </summary>
public static class HeldReviews
{
    public static readonly Expression<Func<Child, IEnumerable<Review>>> OfChild =
        Predicate.Where<Child, Review>(c => c.Reviews, ReviewQueries.IsHeld);
}
