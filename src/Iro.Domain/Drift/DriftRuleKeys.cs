namespace Iro.Domain.Drift;

/// <summary>The drift rules' keys (used in filters and links) and their titles. See docs/drift.md.</summary>
public static class DriftRuleKeys
{
    public const string ReviewOverdue = "review-overdue";
    public const string DecisionOverdue = "decision-overdue";
    public const string MidwayOverdue = "midway-overdue";
    public const string RecordLate = "record-late";
    public const string ReturnInterview = "return-interview";
    public const string PlacementMoves = "placement-moves";
    public const string SocialWorkers = "social-workers";
    public const string SdqMissing = "sdq-missing";
    public const string LeavingCare = "leaving-care";
    public const string ConnectedPerson = "connected-person";
    public const string SecureWithoutAdvocacy = "secure-advocacy";
    public const string IndependentVisitor = "independent-visitor";

    /// <summary>Every rule in the order the lists show them, with its title.</summary>
    public static IReadOnlyList<(string Key, string Title)> All { get; } =
    [
        (ReviewOverdue, "Review overdue"),
        (DecisionOverdue, "Decision overdue"),
        (MidwayOverdue, "Midway review overdue"),
        (RecordLate, "Record of review not issued in time"),
        (ReturnInterview, "Return home interview not done within 72 hours"),
        (PlacementMoves, "3 or more placement moves in 12 months"),
        (SocialWorkers, "3 or more changes of social worker in 12 months"),
        (SdqMissing, "SDQ missing"),
        (LeavingCare, "Needs assessment or pathway plan not in place"),
        (ConnectedPerson, "Connected-person temporary approval past its end"),
        (SecureWithoutAdvocacy, "Secure accommodation without advocacy"),
        (IndependentVisitor, "Independent visitor not matched after 3 months"),
    ];

    public static string TitleOf(string key) => All.FirstOrDefault(r => r.Key == key).Title ?? key;

    public static bool IsKnown(string? key) => All.Any(r => r.Key == key);
}
