using System.Text.Json;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.WebUtilities;

namespace Iro.Web.Features.Children;

/// <summary>
/// Says in words what a read-audit entry opened ("Opened review 12", "Downloaded the letter of review 12 (Word)"),
/// from the address the child context stored. Addresses it does not know are shown as they are, so a new page
/// is never hidden from "who has opened this record".
/// </summary>
public static class OpenedPage
{
    /// <summary>Reads of the timetable API recorded before every child-level read was keyed as the child.</summary>
    public const string LegacyTimetableEntity = "ReviewTimetable";

    private const string Review = "reviewId";

    private sealed record Known(TemplateMatcher Matcher, Func<string?, string?, string> Describe);

    // Literal routes come before the ones whose last segment is a parameter ("plan" is not a review number).
    private static readonly Known[] Pages =
    [
        Page("/children/{childId}", (_, _) => "Opened the record"),
        Page("/children/{childId}/reviews", (_, _) => "Opened the reviews"),
        Page("/children/{childId}/oversight", (_, _) => "Opened the oversight (midway reviews and case notes)"),
        Page("/children/{childId}/reviews/plan/{reviewId?}", (r, _) => r is null ? "Opened the booking of a review" : $"Opened the booking of review {r}"),
        Page("/children/{childId}/reviews/{reviewId}", (r, _) => $"Opened review {r}"),
        Page("/children/{childId}/reviews/{reviewId}/record", (r, _) => $"Opened the record of review {r}"),
        Page("/children/{childId}/reviews/{reviewId}/adjourn", (r, _) => $"Opened the adjournment of review {r}"),
        Page("/children/{childId}/reviews/{reviewId}/change", (r, _) => $"Opened the postponement or cancellation of review {r}"),
        Page("/children/{childId}/reviews/{reviewId}/decisions", (r, h) => IsHandler(h, "ConfirmDelete") ? $"Opened the deletion of a decision of review {r}" : $"Opened the decisions of review {r}"),
        Page("/children/{childId}/reviews/{reviewId}/letter", (r, _) => $"Opened the letter of review {r}"),
        Page("/children/{childId}/reviews/{reviewId}/letter/print", (r, h) => IsHandler(h, "Docx") ? $"Downloaded the letter of review {r} (Word)" : $"Opened the letter of review {r} to print"),
        Page("/api/v1/children/{childId}", (_, _) => "Read the record (API)"),
        Page("/api/v1/children/{childId}/review-timetable", (_, _) => "Read the review timetable (API)"),
    ];

    /// <summary>What an entry opened. Older entries have no address: the record, or the timetable API by their type.</summary>
    public static string Describe(string entityType, string? newValues)
    {
        if (entityType == LegacyTimetableEntity) return "Read the review timetable (API)";
        if (Value(newValues, "export") is { } export) return $"Exported the whole record for a subject access request ({export})";
        if (Value(newValues, "download") is { } download) return $"Downloaded {download} (a list with this child in it)";
        if (Value(newValues, "opened") is not { } opened) return "Opened the record";
        var query = opened.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? opened : opened[..query];
        var handler = query < 0 ? null : QueryHelpers.ParseQuery(opened[query..]).GetValueOrDefault("handler").ToString();
        foreach (var page in Pages)
        {
            var values = new RouteValueDictionary();
            if (page.Matcher.TryMatch(path, values)) return page.Describe(values[Review] as string, handler);
        }

        return "Opened " + opened;
    }

    private static string? Value(string? newValues, string name)
    {
        if (string.IsNullOrEmpty(newValues)) return null;
        try
        {
            using var json = JsonDocument.Parse(newValues);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsHandler(string? handler, string name) => string.Equals(handler, name, StringComparison.OrdinalIgnoreCase);

    private static Known Page(string template, Func<string?, string?, string> describe) =>
        new(new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary()), describe);
}
