using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Data;

namespace Iro.Web.Features.Timetable;

/// <summary><c>GET /api/v1/children/{childId}/review-timetable</c>: the child's timetable as at today.</summary>
public static class TimetableApi
{
    public static void Map(RouteGroupBuilder children)
    {
        ArgumentNullException.ThrowIfNull(children);
        children.MapGet("/{childId}/review-timetable", GetAsync)
            .WithSummary("The child's statutory review timetable: periods, reviews against due dates, next due date and data problems");
    }

    /// <summary>The child context has already loaded the child within the user's scope (404 otherwise) and recorded the read.</summary>
    /// <remarks>The answer is kept per data version (<see cref="VersionedResults"/>); the access check and the read's audit entry are per request.</remarks>
    private static async Task<IResult> GetAsync(
        ChildContext childContext, VersionedResults results, CurrentUserAccessor users, IroDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (user, childKey, today) = (await users.GetAsync(ct), childContext.ChildKey, clock.ServiceToday());
        var json = await results.GetAsync(db, "child-timetable", user, childKey, today, async services =>
        {
            var entries = await services.GetRequiredService<TimetableService>()
                .LoadAsync(services.GetRequiredService<IroDbContext>().Children.Where(c => c.Id == childKey), null, CancellationToken.None);
            var entry = entries.Single();
            return TimetableJson.From(entry.Child.LocalId, entry.Timetable, today);
        }, ct);
        return TypedResults.Json(json, TimetableJson.SerializerOptions);
    }
}
