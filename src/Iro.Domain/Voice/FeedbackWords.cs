namespace Iro.Domain.Voice;

/// <summary>
/// The words of consultation returns as imports and forms write them: age groups <c>under8</c>, <c>8-11</c>,
/// <c>11-18</c>; answers <c>yes</c>, <c>no</c>, <c>not sure</c> (any case). Empty means not answered.
/// </summary>
public static class FeedbackWords
{
    public static readonly IReadOnlyList<(FeedbackAgeGroup Group, string Word)> AgeGroups =
        [(FeedbackAgeGroup.Under8, "under8"), (FeedbackAgeGroup.From8To11, "8-11"), (FeedbackAgeGroup.From11To18, "11-18")];

    public static readonly IReadOnlyList<(FeedbackAnswer Answer, string Word)> Answers =
        [(FeedbackAnswer.Yes, "yes"), (FeedbackAnswer.No, "no"), (FeedbackAnswer.NotSure, "not sure")];

    /// <summary>True with the group (null for empty) when the text is a known age group or empty.</summary>
    public static bool TryAgeGroup(string? text, out FeedbackAgeGroup? group) => TryWord(AgeGroups, text, out group);

    /// <summary>True with the answer (null for empty) when the text is a known answer or empty.</summary>
    public static bool TryAnswer(string? text, out FeedbackAnswer? answer) => TryWord(Answers, text, out answer);

    public static string Word(FeedbackAgeGroup? group) => group is { } g ? AgeGroups.Single(a => a.Group == g).Word : "";

    public static string Word(FeedbackAnswer? answer) => answer is { } a ? Answers.Single(x => x.Answer == a).Word : "";

    private static bool TryWord<T>(IReadOnlyList<(T Value, string Word)> words, string? text, out T? value)
        where T : struct
    {
        value = null;
        var wanted = text?.Trim() ?? "";
        if (wanted.Length == 0) return true;
        foreach (var (candidate, word) in words)
        {
            if (!string.Equals(word, wanted, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }

        return false;
    }
}
