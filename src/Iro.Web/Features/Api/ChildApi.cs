using Iro.Web.Access;
using Iro.Web.Features.Children;

namespace Iro.Web.Features.Api;

/// <summary>JSON API for child-level data: its routes name <c>{childId}</c>, so they go through the child context like the pages.</summary>
public static class ChildApi
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/children").WithTags("Children").RequireAuthorization();
        group.MapGet("/{childId}", GetChildAsync).WithSummary("A child's profile, episodes, IRO history and reviews");
        foreach (var extension in Extensions) extension(group);
        return group;
    }

    /// <summary>Further child-level routes (e.g. the review timetable) registered by their features.</summary>
    internal static readonly List<Action<RouteGroupBuilder>> Extensions = [Timetable.TimetableApi.Map];

    /// <summary>The child context has already loaded the child within the user's scope (404 otherwise) and recorded the read.</summary>
    private static async Task<IResult> GetChildAsync(ChildContext childContext, ChildRecordQuery query, CancellationToken ct)
    {
        var child = await query.LoadAsync(childContext.ChildKey, ct);
        return TypedResults.Ok(new
        {
            childId = child.LocalId,
            firstName = child.FirstName,
            lastName = child.LastName,
            dateOfBirth = child.DateOfBirth,
            sex = child.Sex.ToString(),
            ethnicity = child.Ethnicity.ToString(),
            upn = child.Upn,
            uasc = child.IsUnaccompaniedAsylumSeeker,
            disability = child.HasDisability,
            siblingGroup = child.SiblingGroup,
            episodes = child.Episodes.Select(e => new
            {
                start = e.Start, rne = e.ReasonForNewEpisode.ToString(), ls = e.LegalStatus.ToString(), cin = e.CategoryOfNeed.ToString(),
                place = e.Placement.ToString(), placeProvider = e.PlacementProvider?.ToString(), end = e.End, rec = e.ReasonCeased?.ToString(),
                reasonPlaceChange = e.ReasonPlaceChange?.ToString(), urn = e.Urn,
            }),
            iroAllocations = child.IroAllocations.Select(a => new { iro = a.ReviewingOfficer?.Name, from = a.From, to = a.To, reason = a.ReasonForChange }),
            socialWorkers = child.SocialWorkerAssignments.Select(s => new { name = s.SocialWorkerName, team = s.Team, from = s.From, to = s.To }),
            reviews = child.Reviews.Select(r => new { heldOn = r.HeldOn, participation = r.Participation?.ToString(), chair = r.Chair?.Name }),
        });
    }
}
