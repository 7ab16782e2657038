namespace Iro.Web.Features.Scheduling;

/// <summary>
/// Who is doing a piece of scheduled work, until when: an instance runs the work only after taking this lease, so
/// with several instances each run happens once.
/// </summary>
public class ScheduledWorkLease
{
    public required string Name { get; set; }

    /// <summary>The instance holding the lease (<see cref="InstanceIdentity.Name"/>).</summary>
    public required string Holder { get; set; }

    public DateTime ExpiresUtc { get; set; }
}
