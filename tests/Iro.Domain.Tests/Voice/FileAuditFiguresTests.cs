using Iro.Domain.Voice;

namespace Iro.Domain.Tests.Voice;

public class FileAuditFiguresTests
{
    private static readonly KeyedLabel SeenAlone = new() { Key = "SeenAlone", Label = "Seen alone" };
    private static readonly KeyedLabel ViewsRecorded = new() { Key = "ViewsRecorded", Label = "Views recorded" };
    private static readonly KeyedLabel Midway = new() { Key = "Midway", Label = "Midway review" };

    private static FileAudit Audit(params (string Key, bool Answer)[] answers) =>
        new() { Answers = [.. answers.Select(a => new FileAuditAnswer { QuestionKey = a.Key, Answer = a.Answer })] };

    [Fact]
    public void Each_question_counts_its_yes_answers_over_the_audits_that_answered_it()
    {
        FileAudit[] audits =
        [
            Audit(("SeenAlone", true), ("ViewsRecorded", true)),
            Audit(("SeenAlone", true), ("ViewsRecorded", false)),
            Audit(("SeenAlone", false), ("ViewsRecorded", false)),
            // A question no longer configured is left out.
            Audit(("Retired", true)),
        ];

        var shares = FileAuditFigures.ShareYes(audits, [SeenAlone, ViewsRecorded, Midway]);

        // 2 of 3 = 66.666… → 66.7; 1 of 3 = 33.333… → 33.3; a question nobody answered has no share.
        Assert.Equal([(2, 3, (decimal?)66.7m), (1, 3, 33.3m), (0, 0, null)], shares.Select(s => (s.Yes, s.Answered, s.PercentYes)));
        Assert.Equal(["SeenAlone", "ViewsRecorded", "Midway"], shares.Select(s => s.Question.Key));
    }
}
