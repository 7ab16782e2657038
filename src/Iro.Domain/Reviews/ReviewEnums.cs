namespace Iro.Domain.Reviews;

/// <summary>
/// Where a review is in its life. Only <see cref="Held"/> reviews are returned in the 903 and count for
/// timeliness; Held is the zero value so reviews loaded from a return or seeded are held by default.
/// </summary>
public enum ReviewStatus
{
    Held,
    Planned,
    Cancelled,
}

public enum MeetingFormat
{
    InPerson,
    Virtual,
    Hybrid,
}

/// <summary>Whether the young person chaired their own review.</summary>
public enum ChildChairing
{
    No,
    CoChaired,
    Chaired,
}

public enum DecisionStatus
{
    Open,
    Done,
    NoLongerNeeded,
}

public enum MidwayMethod
{
    Visit,
    Phone,
    Video,
    Meeting,
}

/// <summary>A change to a booked review that needs a manager's approval.</summary>
public enum ReviewChangeKind
{
    Postpone,
    Cancel,
}

public enum ApprovalState
{
    Pending,
    Approved,
    Refused,
}

/// <summary>Display labels for the review enums.</summary>
public static class ReviewLabels
{
    public static string ToLabel(this MeetingFormat format) => format switch
    {
        MeetingFormat.InPerson => "In person",
        MeetingFormat.Virtual => "Virtual",
        MeetingFormat.Hybrid => "Hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string ToLabel(this DecisionStatus status) => status switch
    {
        DecisionStatus.Open => "Open",
        DecisionStatus.Done => "Done",
        DecisionStatus.NoLongerNeeded => "No longer needed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToLabel(this ChildChairing chairing) => chairing switch
    {
        ChildChairing.No => "No",
        ChildChairing.CoChaired => "Co-chaired",
        ChildChairing.Chaired => "Chaired",
        _ => throw new ArgumentOutOfRangeException(nameof(chairing), chairing, null),
    };
}
