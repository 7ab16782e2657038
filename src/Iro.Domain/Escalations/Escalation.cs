using Iro.Domain.Children;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;

namespace Iro.Domain.Escalations;

/// <summary>
/// A dispute the child's IRO has raised about the care plan (statutory-rules section 14): the concern, what the
/// IRO asks for, its themes, and the stages it went through, each addressed to a level of seniority with its own
/// response date. It ends with an outcome and a resolution date; a Cafcass referral can be made at any time.
/// </summary>
public partial class Escalation : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary>The IRO who raised it, personally responsible for starting the process (IRO Handbook 6.4).</summary>
    public int RaisedByOfficerId { get; set; }
    public ReviewingOfficer? RaisedByOfficer { get; set; }

    /// <summary>The date the first stage was raised; the reporting year of the escalation.</summary>
    public DateOnly RaisedOn { get; set; }

    public string Concern { get; set; } = "";
    public string ActionRequested { get; set; } = "";

    /// <summary>The review decision whose drift it challenges, when raised from one.</summary>
    public int? ReviewDecisionId { get; set; }

    public List<EscalationThemeTag> Themes { get; set; } = [];

    /// <summary>The stages in the order they were raised.</summary>
    public List<EscalationStage> Stages { get; set; } = [];

    public EscalationOutcome? Outcome { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? ResolutionNote { get; set; }

    public DateOnly? CafcassReferredOn { get; set; }
    public string? CafcassReason { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => ResolvedOn is null;

    /// <summary>The stage waiting for a response or a next step; the last one.</summary>
    public EscalationStage? CurrentStage => Stages.OrderBy(s => s.Sequence).LastOrDefault();
}

/// <summary>One level of an escalation: to whom, when raised, when the response is due, the response and what came next.</summary>
public class EscalationStage : IAudited
{
    public int Id { get; set; }
    public int EscalationId { get; set; }
    public Escalation? Escalation { get; set; }

    /// <summary>1 for the first stage, then in order.</summary>
    public int Sequence { get; set; }

    /// <summary>The key of a configured level (<see cref="EscalationOptions.Levels"/>).</summary>
    public string Level { get; set; } = "";

    public string RecipientName { get; set; } = "";
    public string RecipientRole { get; set; } = "";
    public DateOnly RaisedOn { get; set; }

    /// <summary>Working days from raising, per level, fixed when the stage is raised.</summary>
    public DateOnly ResponseDueOn { get; set; }

    public DateOnly? RespondedOn { get; set; }
    public string? Response { get; set; }

    /// <summary>Null while this is the current stage.</summary>
    public StageNextStep? NextStep { get; set; }
}

/// <summary>One theme of an escalation, by the configured theme's key.</summary>
public class EscalationThemeTag
{
    public int EscalationId { get; set; }
    public string Key { get; set; } = "";
}
