using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Iro.Domain.Voice;

namespace Iro.Web.Features.Voice;

/// <summary>
/// The child's-voice figures as JSON for <c>iro voice summary --format json</c>. The keys are an interface: keep
/// their names. Counts by source and reason list every key, 0 where there are none; percentages have one decimal.
/// </summary>
public sealed record VoiceSummaryJson(
    string Year,
    VoiceSummaryJson.AdvocacyJson Advocacy,
    VoiceSummaryJson.VisitorsJson IndependentVisitors,
    VoiceSummaryJson.MissingJson Missing,
    VoiceSummaryJson.MovesJson PlacementMoves,
    VoiceSummaryJson.FeedbackJson Feedback,
    VoiceSummaryJson.AuditsJson Audits)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public sealed record AdvocacyJson(
        int ChildrenReferred, int PreviousYearChildrenReferred, int Referrals, int LookedAfterAtEnd, decimal PercentOfLookedAfterAtEnd,
        OrderedDictionary<string, int> BySource, OrderedDictionary<string, int> ByReason, decimal Hours);

    public sealed record VisitorsJson(int ChildrenWithVisitor, int Waiting);

    public sealed record MissingJson(int Children, int Episodes, int ReturnInterviewsWithin72Hours);

    public sealed record MovesJson(int Moves, int Consulted);

    public sealed record FeedbackJson(int Responses, AnswersJson LifeGettingBetter);

    public sealed record AnswersJson(int Yes, int No, int NotSure, decimal PercentYes);

    public sealed record AuditsJson(int Audits, OrderedDictionary<string, QuestionJson> Questions);

    public sealed record QuestionJson(int Yes, int No, decimal PercentYes);

    public static VoiceSummaryJson From(VoiceFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var a = figures.Advocacy;
        var f = figures.Feedback;
        var questions = new OrderedDictionary<string, QuestionJson>(StringComparer.Ordinal);
        foreach (var q in figures.Audits.Questions) questions[q.Key] = new QuestionJson(q.Yes, q.No, OneDecimal(q.PercentYes));
        return new VoiceSummaryJson(
            figures.Year.ToString(),
            new AdvocacyJson(a.ChildrenReferred, a.PreviousYearChildrenReferred, a.Referrals, a.LookedAfterAtEnd, OneDecimal(a.PercentOfLookedAfterAtEnd),
                Keyed(a.BySource), Keyed(a.ByReason), a.Hours),
            new VisitorsJson(figures.IndependentVisitors.ChildrenWithVisitor, figures.IndependentVisitors.Waiting),
            new MissingJson(figures.Missing.Children, figures.Missing.Episodes, figures.Missing.InterviewsWithin72Hours),
            new MovesJson(figures.PlacementMoves.Moves, figures.PlacementMoves.Consulted),
            new FeedbackJson(f.Responses, new AnswersJson(f.Yes, f.No, f.NotSure, OneDecimal(f.PercentYes))),
            new AuditsJson(figures.Audits.Audits, questions));
    }

    public string Serialize() => JsonSerializer.Serialize(this, SerializerOptions);

    /// <summary>
    /// The same figures as CSV, one line per figure (<c>measure,value</c>), the measure being the JSON path with
    /// dots, such as <c>advocacy.bySource.Iro</c>.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("measure,value\n");
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject obj)
            {
                foreach (var (key, child) in obj) Walk(child, path.Length == 0 ? key : $"{path}.{key}");
            }
            else
            {
                csv.Append(path).Append(',').Append(node?.ToJsonString() is { } text ? text.Trim('"') : "").Append('\n');
            }
        }

        Walk(JsonSerializer.SerializeToNode(this, SerializerOptions), "");
        return csv.ToString();
    }

    /// <summary>Always one decimal place in the output (17.6, 100.0, 0.0).</summary>
    private static decimal OneDecimal(decimal percent) => decimal.Round(percent, 1, MidpointRounding.AwayFromZero) + 0.0m;

    private static OrderedDictionary<string, int> Keyed(IEnumerable<VoiceCount> counts)
    {
        var keyed = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var count in counts) keyed[count.Key] = count.Count;
        return keyed;
    }
}
