using Iro.Domain.Codes;

namespace Iro.Domain.Children;

/// <summary>
/// A period missing from placement or away without authorisation (903 Missing table, or entered by hand), with
/// the return home interview that must be offered within 72 hours of the return.
/// </summary>
public class MissingEpisode : Reviews.IAudited
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary>Missing (M) or away without authorisation (A); null when not recorded.</summary>
    public MissingType? Type { get; set; }

    /// <summary><c>MIS_START</c>.</summary>
    public DateOnly Start { get; set; }

    /// <summary><c>MIS_END</c>; null while the child is still missing or the end is not known.</summary>
    public DateOnly? End { get; set; }

    /// <summary>The time of day the child returned, when known; the 903 return carries only the date.</summary>
    public TimeOnly? ReturnTime { get; set; }

    /// <summary>True for an episode entered in the app rather than loaded from a 903 return.</summary>
    public bool EnteredByHand { get; set; }

    public DateOnly? InterviewOfferedOn { get; set; }
    public TimeOnly? InterviewOfferedTime { get; set; }
    public DateOnly? InterviewCompletedOn { get; set; }
    public TimeOnly? InterviewCompletedTime { get; set; }

    /// <summary>Who carried out the return home interview.</summary>
    public string? InterviewBy { get; set; }

    public bool? InterviewDeclined { get; set; }

    /// <summary>Whether the child's IRO was told of the episode.</summary>
    public bool? IroInformed { get; set; }
}
