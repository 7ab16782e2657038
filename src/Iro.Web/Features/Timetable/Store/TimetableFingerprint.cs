using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// What the stored timetables were computed with, as one hash: when it differs, every child is recomputed.
/// </summary>
public static class TimetableFingerprint
{
    /// <summary>Raised when the stored rows or spans change form, or the engine's rules change, so every store is rebuilt.</summary>
    public const int FormatVersion = 2;

    /// <summary>The part from the data (administrators' bank holidays and the history start), which moves only with the data.</summary>
    /// <param name="holidays">The added or cancelled bank holidays (a name does not change the calendar).</param>
    /// <param name="historyStartsOn">The context's history start.</param>
    public static string DataPart(IEnumerable<(DateOnly Date, bool Cancels)> holidays, DateOnly? historyStartsOn)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var text = new StringBuilder("history=").Append(historyStartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(";holidays=");
        foreach (var (date, cancels) in holidays.Order())
            text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(cancels ? "-" : "+").Append(',');
        return text.ToString();
    }

    /// <summary>The hash of the format version, every timetable option and the data part.</summary>
    public static string Of(TimetableOptions options, string dataPart)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = $"v{FormatVersion};options={JsonSerializer.Serialize(options)};{dataPart}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
