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
    private static async Task<IResult> GetAsync(ChildContext childContext, TimetableService timetables, IroDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var entries = await timetables.LoadAsync(db.Children.Where(c => c.Id == childContext.ChildKey), null, ct);
        var entry = entries.Single();
        return TypedResults.Json(TimetableJson.From(entry.Child.LocalId, entry.Timetable, clock.ServiceToday()), TimetableJson.SerializerOptions);
    }
}
