using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>
/// A connected person's temporary approval as a foster carer (CPPCR reg 24): up to 16 weeks from
/// <see cref="ApprovedOn"/>, extendable once by up to 8 weeks (reg 25) to <see cref="ExtendedTo"/>. It ends when
/// the carer is fully approved or the placement ends (<see cref="EndedOn"/>).
/// </summary>
public class ConnectedPersonApproval : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public DateOnly? ExtendedTo { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? CarerName { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
