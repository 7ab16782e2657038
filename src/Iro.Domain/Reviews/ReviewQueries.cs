using System.Linq.Expressions;

namespace Iro.Domain.Reviews;

/// <summary>
/// "Review held": held and not deleted, the only reviews that count (903 export, timeliness, headline counts).
/// Planned and cancelled bookings share the table, so every count of reviews goes through <c>Held()</c>.
/// </summary>
public static class ReviewQueries
{
    public static readonly Expression<Func<Review, bool>> IsHeld = r => r.Status == ReviewStatus.Held && !r.IsDeleted;

    private static readonly Func<Review, bool> IsHeldCompiled = IsHeld.Compile();

    public static IQueryable<Review> Held(this IQueryable<Review> reviews) => reviews.Where(IsHeld);

    public static IEnumerable<Review> Held(this IEnumerable<Review> reviews) => reviews.Where(IsHeldCompiled);
}
