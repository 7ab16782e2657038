namespace Iro.Web.Features.Timetable.Store;

/// <summary>The one row saying what the materialised timetable was computed with and for which service day.</summary>
public sealed class TimetableStamp
{
    public const int RowId = 1;

    public int Id { get; set; }

    /// <summary>A hash of the timetable context (added bank holidays, options, history start, format version).</summary>
    public string ContextFingerprint { get; set; } = "";

    /// <summary>The service day the state columns of <see cref="ChildTimetableState"/> are for.</summary>
    public DateOnly AsOf { get; set; }
}
