namespace Iro.Domain.Voice;

/// <summary>
/// The child's-voice settings: advocacy referral reasons and file-audit questions. Binds from the configuration
/// section <see cref="SectionName"/>; an empty list takes the defaults (the Brent report's reasons and audit areas).
/// </summary>
public sealed class VoiceOptions
{
    public const string SectionName = "Voice";

    public List<KeyedLabel> AdvocacyReasons { get; set; } = [];
    public List<KeyedLabel> AuditQuestions { get; set; } = [];

    public IReadOnlyList<KeyedLabel> EffectiveAdvocacyReasons => AdvocacyReasons.Count > 0 ? AdvocacyReasons : DefaultAdvocacyReasons;
    public IReadOnlyList<KeyedLabel> EffectiveAuditQuestions => AuditQuestions.Count > 0 ? AuditQuestions : DefaultAuditQuestions;

    /// <summary>The advocacy reason whose key or label matches (case-insensitive), or null.</summary>
    public KeyedLabel? AdvocacyReason(string? keyOrLabel) => Find(EffectiveAdvocacyReasons, keyOrLabel);

    public KeyedLabel? AuditQuestion(string? keyOrLabel) => Find(EffectiveAuditQuestions, keyOrLabel);

    private static KeyedLabel? Find(IReadOnlyList<KeyedLabel> list, string? keyOrLabel)
    {
        var wanted = keyOrLabel?.Trim();
        return list.FirstOrDefault(r =>
            string.Equals(r.Key, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Label, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<KeyedLabel> DefaultAdvocacyReasons { get; } =
    [
        new() { Key = "SocialWorkerRelationship", Label = "Relationship with social worker" },
        new() { Key = "PlacementChoice", Label = "Choice of placement" },
        new() { Key = "FamilyContact", Label = "Contact with family" },
        new() { Key = "SecureAccommodation", Label = "Review of a secure accommodation order" },
        new() { Key = "Complaint", Label = "Making a complaint" },
        new() { Key = "LeavingCare", Label = "Leaving care" },
        new() { Key = "Other", Label = "Other" },
    ];

    public static IReadOnlyList<KeyedLabel> DefaultAuditQuestions { get; } =
    [
        new() { Key = "SeenAlone", Label = "Child seen alone by the IRO before or on the day of the review" },
        new() { Key = "ViewsRecorded", Label = "The child's views are recorded" },
        new() { Key = "CarePlanUpToDate", Label = "The care plan is up to date" },
        new() { Key = "MidwayReviewDone", Label = "A midway review was done" },
        new() { Key = "DecisionsSpecificAndTimed", Label = "Decisions are specific and timed" },
        new() { Key = "RecordIssuedOnTime", Label = "The record of the review was issued on time" },
        new() { Key = "EscalationWhereNeeded", Label = "An escalation was raised where needed" },
    ];
}
