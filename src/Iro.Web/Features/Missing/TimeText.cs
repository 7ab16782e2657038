using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Iro.Web.Features.Missing;

/// <summary>A time of day typed as hours and minutes (14:30), posted as text so the message is the app's own.</summary>
public static class TimeText
{
    /// <summary>The time, or null when empty; adds the GOV.UK message under <paramref name="field"/> when it is not a time.</summary>
    public static TimeOnly? Read(ModelStateDictionary state, string field, string label, string? text)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        state.AddModelError(field, $"{label} must be a time of day in hours and minutes, for example 14:30");
        return null;
    }

    public static string? Show(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
