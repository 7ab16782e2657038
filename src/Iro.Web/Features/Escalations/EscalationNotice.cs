using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Web.Features.Reviews;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// The escalation notice to the current stage's recipient: the child (by id and name), the concern, the action
/// asked for and the date a response is due. Plain paragraphs shared by the print page and the Word document so
/// the two never differ.
/// </summary>
public sealed record EscalationNotice(
    string Title, string Date, string To, IReadOnlyList<(string Heading, IReadOnlyList<string> Paragraphs)> Sections, string Signature,
    IReadOnlyList<string> Contact)
{
    public static EscalationNotice For(Child child, Escalation escalation, EscalationOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(options);
        var stage = escalation.CurrentStage ?? throw new InvalidOperationException("An escalation has at least one stage.");
        var level = EscalationLabels.Level(options, stage.Level);
        var officer = escalation.RaisedByOfficer;
        List<string> contact = ["Independent Reviewing Officer"];
        if (officer is not null)
        {
            contact.Add($"Email: {officer.Email}");
            if (!string.IsNullOrWhiteSpace(officer.Phone)) contact.Add($"Phone: {officer.Phone}");
        }

        return new EscalationNotice(
            $"Escalation notice: {child.DisplayName} (child ID {child.LocalId})",
            $"{today:d MMMM yyyy}",
            $"To: {stage.RecipientName}, {stage.RecipientRole}",
            [
                ("The child", [$"{child.DisplayName}, child ID {child.LocalId}."]),
                ("The concern", Paragraphs(escalation.Concern)),
                ("The action asked for", Paragraphs(escalation.ActionRequested)),
                ("Response needed by", [
                    $"Please respond by {stage.ResponseDueOn:d MMMM yyyy}.",
                    $"This escalation was raised at {level} level on {stage.RaisedOn:d MMMM yyyy} under the local dispute resolution process. If it is not resolved, the Independent Reviewing Officer may take it to a higher level or refer the child's case to Cafcass.",
                ]),
            ],
            officer?.Name ?? "The Independent Reviewing Officer",
            contact);
    }

    /// <summary>The notice as paragraphs of a Word letter.</summary>
    public IEnumerable<LetterParagraph> Paragraphs()
    {
        yield return new LetterParagraph(Date, AlignRight: true);
        yield return new LetterParagraph(Title, LetterDocument.TitleStyle);
        yield return new LetterParagraph(To);
        foreach (var (heading, paragraphs) in Sections)
        {
            yield return new LetterParagraph(heading, LetterDocument.HeadingStyle);
            foreach (var text in paragraphs) yield return new LetterParagraph(text);
        }

        yield return new LetterParagraph(Signature);
        foreach (var line in Contact) yield return new LetterParagraph(line);
    }

    private static IReadOnlyList<string> Paragraphs(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
