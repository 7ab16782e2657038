using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Allocations;

/// <summary>
/// A period of care a manager has sent to a commissioned agency, whose coordinator picks one of the agency's
/// IROs. The referral is done once an allocation covers the period; withdrawing it returns the period to the
/// council's own queue.
/// </summary>
public class AgencyReferral : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary>The start of the period of care the referral is for.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>The agency, as on <see cref="Officers.ReviewingOfficer.Agency"/>.</summary>
    public required string Agency { get; set; }

    public DateOnly SentOn { get; set; }
    public string? Note { get; set; }

    /// <summary>Set when an agency IRO has been allocated, or the referral was withdrawn.</summary>
    public DateOnly? ClosedOn { get; set; }

    public bool Withdrawn { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
