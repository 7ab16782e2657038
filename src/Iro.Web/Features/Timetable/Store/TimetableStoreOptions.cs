namespace Iro.Web.Features.Timetable.Store;

/// <summary>How the materialised timetable is kept up to date (configuration section <see cref="SectionName"/>).</summary>
public sealed class TimetableStoreOptions
{
    public const string SectionName = "TimetableStore";

    /// <summary>How often the background drainer looks for queued children; 0 turns it off (readers still bring the store up to date).</summary>
    public int DrainSeconds { get; set; } = 2;

    /// <summary>Children recomputed per transaction.</summary>
    public int BatchSize { get; set; } = 2000;
}
