using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iro.Domain.AnnualReport;

/// <summary>Progress on a priority, as the report's RAG rating: red (not on track), amber (partly), green (achieved or on track).</summary>
public enum RagStatus
{
    Red,
    Amber,
    Green,
}

/// <summary>One of last year's priorities with its progress: what was promised, its RAG status and a note of what happened.</summary>
public sealed record ReportPriority(string Priority, RagStatus Status, string Progress);

/// <summary>
/// Last year's priorities as stored in the edition's text field: a JSON list, so that the structure needs no
/// schema change. Text that is not such a list (written before priorities were structured) is not lost: it
/// reads as no list, and the report shows it as plain paragraphs.
/// </summary>
public static class ReportPriorities
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string? Write(IReadOnlyList<ReportPriority> priorities)
    {
        ArgumentNullException.ThrowIfNull(priorities);
        return priorities.Count == 0 ? null : JsonSerializer.Serialize(priorities, Json);
    }

    /// <summary>The stored list, or null when the text is empty or is not a list of priorities.</summary>
    public static IReadOnlyList<ReportPriority>? Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || !stored.TrimStart().StartsWith('[')) return null;
        try
        {
            return JsonSerializer.Deserialize<List<ReportPriority>>(stored, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Describe(RagStatus status) => status switch
    {
        RagStatus.Red => "Red (not on track)",
        RagStatus.Amber => "Amber (partly achieved)",
        _ => "Green (achieved or on track)",
    };
}
