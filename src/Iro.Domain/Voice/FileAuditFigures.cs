namespace Iro.Domain.Voice;

/// <summary>One audit question's answers over a set of audits: the "yes" answers of those that answered it.</summary>
public sealed record AuditQuestionShare(KeyedLabel Question, int Yes, int Answered)
{
    /// <summary>Yes ÷ answered as a percentage to one decimal place, half up; null when none answered.</summary>
    public decimal? PercentYes => ReturnInterviews.Percent(Yes, Answered);
}

/// <summary>The share of "yes" per configured question over file audits.</summary>
public static class FileAuditFigures
{
    public static IReadOnlyList<AuditQuestionShare> ShareYes(IEnumerable<FileAudit> audits, IReadOnlyList<KeyedLabel> questions)
    {
        ArgumentNullException.ThrowIfNull(audits);
        ArgumentNullException.ThrowIfNull(questions);
        var answers = audits.SelectMany(a => a.Answers).ToLookup(a => a.QuestionKey, StringComparer.Ordinal);
        return [.. questions.Select(q => new AuditQuestionShare(q, answers[q.Key].Count(a => a.Answer), answers[q.Key].Count()))];
    }
}
