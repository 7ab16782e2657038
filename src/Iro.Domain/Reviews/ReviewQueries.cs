namespace Iro.Domain.Reviews;

/// <summary>
/// Held, not deleted: the only reviews that count (903 export, timeliness, headline counts). Planned and
/// cancelled bookings share the table, so every count of reviews goes through <c>Held()</c>.
/// </summary>
public static class ReviewQueries
{
    public static IQueryable<Review> Held(this IQueryable<Review> reviews) =>
        reviews.Where(r => r.Status == ReviewStatus.Held && !r.IsDeleted);

    public static IEnumerable<Review> Held(this IEnumerable<Review> reviews) =>
        reviews.Where(r => r.Status == ReviewStatus.Held && !r.IsDeleted);
}
