using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

/// <summary>The write-audit entries for a set of entries, with the names of the people who made them.</summary>
public sealed partial class AuditTrailQuery(IroDbContext db)
{
    /// <summary>One changed field, readable: "Held on: 20 Nov 2026 → 21 Nov 2026".</summary>
    public sealed record FieldChange(string Field, string From, string To);

    public sealed record Line(DateTimeOffset At, string Who, string Action, string What, IReadOnlyList<FieldChange> Changes);

    /// <summary>Shown for a field that had no value.</summary>
    public const string Blank = "(blank)";

    public async Task<IReadOnlyList<Line>> ForAsync(IEnumerable<(string EntityType, string EntityKey)> entries, CancellationToken ct)
    {
        var wanted = entries.Select(e => e.EntityType + "#" + e.EntityKey).ToHashSet(StringComparer.Ordinal);
        var types = entries.Select(e => e.EntityType).Distinct().ToList();
        var keys = entries.Select(e => e.EntityKey).Distinct().ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action != "Read" && types.Contains(a.EntityType) && keys.Contains(a.EntityKey))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        rows = [.. rows.Where(a => wanted.Contains(a.EntityType + "#" + a.EntityKey))];
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. rows.Select(r => new Line(r.At, names.GetValueOrDefault(r.UserId, r.UserId), r.Action,
            Readable(r.EntityType) + " " + r.EntityKey, Changes(r.OldValues, r.NewValues)))];
    }

    /// <summary>Pairs the old and new values by field, in the order the fields were recorded.</summary>
    public static IReadOnlyList<FieldChange> Changes(string? oldValues, string? newValues)
    {
        var before = Values(oldValues);
        var after = Values(newValues);
        return [.. before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal)
            .Select(f => new FieldChange(Readable(f), before.GetValueOrDefault(f, Blank), after.GetValueOrDefault(f, Blank)))];
    }

    /// <summary>"HeldOn" becomes "Held on".</summary>
    public static string Readable(string name)
    {
        var words = WordBoundary().Replace(name, " ").ToLowerInvariant();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static Dictionary<string, string> Values(string? json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return values;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return values;
            foreach (var property in document.RootElement.EnumerateObject()) values[property.Name] = Show(property.Value);
        }
        catch (JsonException)
        {
            // Entries written by hand (summaries of bulk loads) are plain text; show them as they are.
            values["Details"] = json;
        }

        return values;
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Blank,
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.String when value.GetString() is not { Length: > 0 } => Blank,
        JsonValueKind.String => ShowText(value.GetString()!),
        _ => value.GetRawText(),
    };

    private static string ShowText(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && text.Contains('T', StringComparison.Ordinal))
            return at.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        return text;
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
