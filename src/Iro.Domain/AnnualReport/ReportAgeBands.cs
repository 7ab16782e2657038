using System.Globalization;

namespace Iro.Domain.AnnualReport;

/// <summary>An age band in completed years; <see cref="To"/> is null for an open top band ("16+").</summary>
public sealed record AgeBand(string Label, int From, int? To)
{
    public bool Contains(int age) => age >= From && (To is null || age <= To);
}

/// <summary>
/// The age bands the annual report counts children in, measured at a date in completed years. Configurable as a
/// comma-separated list (<c>Report__AgeBands</c>): each band is <c>under N</c>, <c>A-B</c> or <c>A+</c>; bands
/// must follow on from each other without gaps or overlaps, starting at 0. The default is the DfE statistics'
/// bands.
/// </summary>
public static class ReportAgeBands
{
    public const string DfeDefault = "under 1,1-4,5-9,10-15,16+";

    public static IReadOnlyList<AgeBand> Default { get; } = Parse(DfeDefault);

    /// <exception cref="FormatException">The list is empty, a band cannot be read, or the bands do not follow on.</exception>
    public static IReadOnlyList<AgeBand> Parse(string? specification)
    {
        if (string.IsNullOrWhiteSpace(specification)) return Default;
        var bands = specification.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(ParseBand).ToList();
        var expectedFrom = 0;
        foreach (var band in bands)
        {
            if (band.From != expectedFrom)
                throw new FormatException($"Age band '{band.Label}' should start at {expectedFrom}: bands must follow on from each other, starting at 0.");
            if (band.To is null && band != bands[^1]) throw new FormatException($"Age band '{band.Label}' is open-ended, so it must be the last.");
            expectedFrom = (band.To ?? int.MaxValue - 1) + 1;
        }

        return bands;
    }

    /// <summary>The band holding the age, or null when the age is past the last (closed) band.</summary>
    public static AgeBand? BandOf(IReadOnlyList<AgeBand> bands, int age)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return bands.FirstOrDefault(b => b.Contains(age));
    }

    private static AgeBand ParseBand(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("under ", StringComparison.Ordinal) && int.TryParse(lower[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var under) && under > 0)
            return new AgeBand(text, 0, under - 1);
        if (lower.EndsWith('+') && int.TryParse(lower[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            return new AgeBand(text, from, null);
        var parts = lower.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high) && high >= low)
            return new AgeBand(text, low, high);
        throw new FormatException($"Age band '{text}' is not 'under N', 'A-B' or 'A+'.");
    }
}
