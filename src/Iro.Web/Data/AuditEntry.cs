namespace Iro.Web.Data;

/// <summary>
/// Append-only record of who read or changed what, and when. Reads of child records are logged
/// server-side from the principal, never at the client's request.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }

    /// <summary>JSON of the changed properties' old values, for updates and deletions.</summary>
    public string? OldValues { get; set; }

    /// <summary>JSON of the changed properties' new values, for inserts and updates.</summary>
    public string? NewValues { get; set; }

    /// <summary>
    /// Why the change was made, when the rules ask for one: a manager changing or deleting an entry someone
    /// else wrote.
    /// </summary>
    public string? Reason { get; set; }
}
