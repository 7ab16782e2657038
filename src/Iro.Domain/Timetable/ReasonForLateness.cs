namespace Iro.Domain.Timetable;

/// <summary>Why a review was held late (recorded in the IRO system; the SSDA903 has no such field).</summary>
public enum ReasonForLateness
{
    LateNotificationOfEntry,
    CancelledAtShortNotice,
    ChildUnavailable,
    IroUnavailable,
    PaperworkNotReady,
    Other,
}

/// <summary>Display labels for <see cref="ReasonForLateness"/>.</summary>
public static class ReasonForLatenessLabels
{
    public static string ToLabel(this ReasonForLateness reason) => reason switch
    {
        ReasonForLateness.LateNotificationOfEntry => "Late notification that the child became looked after",
        ReasonForLateness.CancelledAtShortNotice => "Review cancelled at short notice",
        ReasonForLateness.ChildUnavailable => "Child unavailable",
        ReasonForLateness.IroUnavailable => "IRO unavailable",
        ReasonForLateness.PaperworkNotReady => "Reports or paperwork not ready",
        ReasonForLateness.Other => "Other reason",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
