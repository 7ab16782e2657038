namespace Iro.Domain.Escalations;

/// <summary>How an escalation ended.</summary>
public enum EscalationOutcome
{
    /// <summary>The concern was put right.</summary>
    Resolved,

    /// <summary>A compromise was reached.</summary>
    Compromise,

    /// <summary>A difference of opinion was acknowledged.</summary>
    DifferenceAcknowledged,

    /// <summary>The IRO withdrew it.</summary>
    Withdrawn,
}

/// <summary>What happened after a stage; null while the stage is the current one.</summary>
public enum StageNextStep
{
    /// <summary>The escalation was resolved at this stage.</summary>
    Resolved,

    /// <summary>Taken to the next level up.</summary>
    Escalated,

    /// <summary>Taken past the next level to a named, higher level.</summary>
    Bypassed,
}
