using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Web.Access;

namespace Iro.Web.Features.Escalations;

/// <summary><c>GET /api/v1/escalations/summary?year=2017-18</c>: the year's escalation figures, as the command line prints them.</summary>
public static class EscalationSummaryApi
{
    public const string Path = "/api/v1/escalations/summary";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetAsync)
            .WithTags("Escalations")
            .RequireAuthorization(Permissions.ViewServiceFigures)
            .WithSummary("Escalations raised in a reporting year: counts by level, theme and outcome, working days to resolve, Cafcass referrals");
    }

    /// <summary>Without a year, the current reporting year; a year that cannot be read is a 400.</summary>
    private static async Task<IResult> GetAsync(string? year, EscalationSummaryQuery query, TimeProvider clock, CancellationToken ct)
    {
        ReportingYear reportingYear;
        if (string.IsNullOrEmpty(year)) reportingYear = ReportingYear.Containing(clock.ServiceToday());
        else if (!ReportingYear.TryParse(year, out reportingYear))
            return TypedResults.Problem($"year must be a reporting year such as 2017-18 (got '{year}').", statusCode: StatusCodes.Status400BadRequest);

        var figures = await query.RunAsync(reportingYear, ct);
        return TypedResults.Json(EscalationSummaryJson.From(figures), EscalationSummaryJson.SerializerOptions);
    }
}
