namespace Iro.Domain.Children;

/// <summary>One span during which a social worker held the child's case (cf. the 903 SWEpisodes table).</summary>
public class SocialWorkerAssignment
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public required string SocialWorkerName { get; set; }
    public string? Team { get; set; }
    /// <summary>The council's identifier for the worker (903 <c>SW_ID</c>), when known.</summary>
    public string? WorkerId { get; set; }

    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>
    /// Why this worker was allocated, as a 903 <c>SW_REASON</c> code: <c>FCONTA</c> for the first worker, otherwise
    /// the reason for the change of worker; null when not recorded.
    /// </summary>
    public string? ReasonForChange { get; set; }
}
