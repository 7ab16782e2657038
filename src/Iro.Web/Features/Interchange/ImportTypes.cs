using Iro.Ssda903;

namespace Iro.Web.Features.Interchange;

public enum ImportStage { Queued, Reading, Validating, Writing, Finished }

/// <summary>How far an import has got: the stage and rows processed out of the return's total.</summary>
public sealed record ImportProgress(ImportStage Stage, int Processed, int Total);

public enum ImportStatus
{
    /// <summary>Written to the database.</summary>
    Imported,

    /// <summary>The return has errors; nothing was written.</summary>
    Refused,

    /// <summary>Warnings only; nothing was written until someone accepts them.</summary>
    NeedsAcceptance,
}

/// <summary>The outcome: every finding (file named), and the import record when written.</summary>
public sealed record ImportOutcome(ImportStatus Status, IReadOnlyList<Finding> Findings, Ssda903Import? Record)
{
    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error);
    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);
}

/// <summary>Who is importing, for the import record.</summary>
public sealed record ImportUser(string UserId, string UserName);
