namespace Iro.Domain.Escalations;

/// <summary>
/// The local dispute resolution process (statutory-rules section 14): its levels of seniority with a response
/// time each, the total for the formal process, and the themes escalations are grouped by. Binds from the
/// configuration section <see cref="SectionName"/>; an empty list takes the defaults, which follow the Brent
/// report's process.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalations";

    /// <summary>The levels, lowest first. Empty: <see cref="DefaultLevels"/>.</summary>
    public List<EscalationLevel> Levels { get; set; } = [];

    /// <summary>The themes. Empty: <see cref="DefaultThemes"/>.</summary>
    public List<EscalationTheme> Themes { get; set; } = [];

    /// <summary>The formal process as a whole should take no more than this many working days (IRO Handbook 6.2).</summary>
    public int TotalWorkingDays { get; set; } = 20;

    /// <summary>A stage's clock shows "due soon" from this many working days before its response date.</summary>
    public int DueSoonWorkingDays { get; set; } = 1;

    public IReadOnlyList<EscalationLevel> EffectiveLevels => Levels.Count > 0 ? Levels : DefaultLevels;

    public IReadOnlyList<EscalationTheme> EffectiveThemes => Themes.Count > 0 ? Themes : DefaultThemes;

    /// <summary>The configured level with this key (case-insensitive), or null.</summary>
    public EscalationLevel? Level(string? key) =>
        EffectiveLevels.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The position of a level, lowest first; -1 when it is not configured.</summary>
    public int RankOf(string? key)
    {
        var levels = EffectiveLevels;
        for (var i = 0; i < levels.Count; i++)
            if (string.Equals(levels[i].Key, key, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The level above this one, or null at the top.</summary>
    public EscalationLevel? NextAbove(string key)
    {
        var rank = RankOf(key);
        return rank >= 0 && rank + 1 < EffectiveLevels.Count ? EffectiveLevels[rank + 1] : null;
    }

    /// <summary>The configured theme whose key or label matches (case-insensitive), or null.</summary>
    public EscalationTheme? Theme(string? keyOrLabel)
    {
        var wanted = keyOrLabel?.Trim();
        return EffectiveThemes.FirstOrDefault(t =>
            string.Equals(t.Key, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Label, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<EscalationLevel> DefaultLevels { get; } =
    [
        new() { Key = "Informal", Label = "Informal", Recipient = "Social worker and their manager", Formal = false },
        new() { Key = "TeamManager", Label = "Team manager", Recipient = "Team manager" },
        new() { Key = "ServiceManager", Label = "Service manager", Recipient = "Service manager" },
        new() { Key = "HeadOfService", Label = "Head of service", Recipient = "Head of service" },
        new() { Key = "OperationalDirector", Label = "Operational director", Recipient = "Operational director" },
        new() { Key = "Director", Label = "Director", Recipient = "Director of children's services" },
    ];

    public static IReadOnlyList<EscalationTheme> DefaultThemes { get; } =
    [
        new() { Key = "Sdq", Label = "SDQ not completed" },
        new() { Key = "ConnectedPersonAssessment", Label = "Connected-person (reg 24) assessment beyond 16 weeks" },
        new() { Key = "Paperwork", Label = "Care plan, review or pathway plan paperwork incomplete" },
        new() { Key = "UascTransfer", Label = "Transfer of an unaccompanied child" },
        new() { Key = "SemiIndependence", Label = "Move to semi-independence and housing" },
        new() { Key = "AgeAssessment", Label = "Age assessment delay" },
        new() { Key = "FamilyContact", Label = "Contact with siblings and family" },
        new() { Key = "SocialWorker", Label = "Social worker not allocated or changing" },
        new() { Key = "Placement", Label = "Placement" },
        new() { Key = "Education", Label = "Education" },
        new() { Key = "Health", Label = "Health" },
        new() { Key = "Other", Label = "Other" },
    ];
}

/// <summary>A level of seniority an escalation can be addressed to.</summary>
public sealed class EscalationLevel
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>Who usually responds at this level, offered as the recipient's role.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>Working days from raising the stage to the response being due.</summary>
    public int WorkingDays { get; set; } = 5;

    /// <summary>Whether the level is part of the formal process, whose total clock starts at the first formal stage.</summary>
    public bool Formal { get; set; } = true;
}

/// <summary>What an escalation is about: a key (stable, used in figures and imports) and a label.</summary>
public sealed class EscalationTheme
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
}
