namespace Iro.Domain.Escalations;

/// <summary>The most characters each free-text field of an escalation may hold (the database column widths).</summary>
public static class EscalationTextLimits
{
    public const int Concern = 4_000;
    public const int ActionRequested = 2_000;
    public const int Response = 4_000;
    public const int Name = 200;
    public const int Role = 200;
    public const int ResolutionNote = 2_000;
    public const int CafcassReason = 1_000;
    public const int Key = 64;
}
