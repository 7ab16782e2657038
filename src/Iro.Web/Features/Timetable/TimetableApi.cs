using Iro.Web.Access;
using Iro.Web.Audit;

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

    private static async Task<IResult> GetAsync(
        string childId, TimetableService timetables, CurrentUserAccessor currentUser, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var entry = await timetables.LoadChildAsync(user, childId, null, ct);
        if (entry is null) return TypedResults.NotFound();
        await audit.RecordReadAsync(user.UserId, "ReviewTimetable", entry.Child.LocalId, ct);
        return TypedResults.Json(TimetableJson.From(entry.Child.LocalId, entry.Timetable, today), TimetableJson.SerializerOptions);
    }
}
