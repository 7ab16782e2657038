using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain.Escalations;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// The escalation figures as JSON, the same for <c>iro escalations summary --format json</c> and
/// <c>GET /api/v1/escalations/summary</c>. The keys are an interface: keep their names. The counts by level,
/// theme and outcome are keyed by the configured keys, in the configured order.
/// </summary>
public sealed record EscalationSummaryJson(
    string Year,
    int Count,
    int PreviousYearCount,
    OrderedDictionary<string, int> ByHighestLevel,
    OrderedDictionary<string, int> ByResolvedLevel,
    OrderedDictionary<string, int> ByTheme,
    OrderedDictionary<string, int> ByOutcome,
    int Open,
    EscalationSummaryJson.Duration WorkingDaysToResolve,
    int OverTwentyWorkingDays,
    int CafcassReferrals)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Median and maximum working days to resolve; null when none was resolved.</summary>
    public sealed record Duration(int? Median, int? Max);

    public static EscalationSummaryJson From(EscalationFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new EscalationSummaryJson(
            figures.Year.ToString(),
            figures.Count,
            figures.PreviousYearCount,
            Keyed(figures.ByHighestLevel),
            Keyed(figures.ByResolvedLevel),
            Keyed(figures.ByTheme),
            Keyed(figures.ByOutcome),
            figures.Open,
            new Duration(figures.MedianWorkingDaysToResolve, figures.MaxWorkingDaysToResolve),
            figures.OverTotalWorkingDays,
            figures.CafcassReferrals);
    }

    public string Serialize() => JsonSerializer.Serialize(this, SerializerOptions);

    private static OrderedDictionary<string, int> Keyed(IEnumerable<EscalationCount> counts)
    {
        var keyed = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var count in counts) keyed[count.Key] = count.Count;
        return keyed;
    }
}
