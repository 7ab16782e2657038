using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>Who asked for an advocate. The names are the keys used by imports and the voice summary.</summary>
public enum AdvocacySource { Iro, SocialWorker, Child, ReturnHomeInterview, Carer, Other }

/// <summary>A referral of a child to an advocacy service (CA 1989 s.26A), from referral to closure.</summary>
public class AdvocacyReferral : IAudited, IAttributed, ISoftDeletable, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public DateOnly ReferredOn { get; set; }
    public AdvocacySource Source { get; set; }

    /// <summary>The configured reason keys (<see cref="VoiceOptions.AdvocacyReasons"/>), separated by ';'.</summary>
    public string ReasonKeys { get; set; } = "";

    public string? Provider { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public decimal? Hours { get; set; }
    public string? Outcome { get; set; }

    /// <summary>The review the referral was made from, when it was.</summary>
    public int? ReviewId { get; set; }

    public IReadOnlyList<string> Reasons =>
        ReasonKeys.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Open on a date: referred on or before it and not closed before it.</summary>
    public bool IsOpenOn(DateOnly date) => ReferredOn <= date && (ClosedOn is null || ClosedOn >= date);

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
