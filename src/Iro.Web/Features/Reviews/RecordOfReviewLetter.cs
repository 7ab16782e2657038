using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// The record of review written as a letter to the child (Signs of Safety headings), as plain paragraphs
/// shared by the print page and the Word document so the two never differ.
/// </summary>
/// <param name="Date">The letter's date: the day it was issued, or today while it is a draft.</param>
/// <param name="Contact">How to reach the IRO who signs it: role, email and phone from the IRO register.</param>
public sealed record RecordOfReviewLetter(
    string Title, string Date, string Greeting, IReadOnlyList<(string Heading, IReadOnlyList<string> Paragraphs)> Sections, string SignOff,
    string Signature, IReadOnlyList<string> Contact)
{
    public static RecordOfReviewLetter For(Child child, Review review, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(review);
        var name = string.IsNullOrWhiteSpace(child.FirstName) ? child.DisplayName : child.FirstName;
        var decisions = review.Decisions.Where(d => d.Status != DecisionStatus.NoLongerNeeded)
            .Select(d => $"{d.What} – {d.PersonName} ({d.PersonRole}) by {d.DueBy:d MMMM yyyy}.").ToList();
        var sections = new List<(string, IReadOnlyList<string>)>
        {
            ("What's working well", Paragraphs(review.LetterWorkingWell)),
            ("What we are worried about", Paragraphs(review.LetterWorries)),
            ("What needs to happen", decisions.Count == 0 ? ["No actions were agreed."] : decisions),
            ("In your own words", Paragraphs(review.LetterChildsWords)),
        };
        if (review.LetterScaling is { } score)
            sections.Add(("Your scaling", [$"When we asked how things are for you, from 0 (really bad) to 10 (really good), you said {score}."]));
        var chair = review.Chair;
        List<string> contact = ["Independent Reviewing Officer"];
        if (chair is not null)
        {
            contact.Add($"Email: {chair.Email}");
            if (!string.IsNullOrWhiteSpace(chair.Phone)) contact.Add($"Phone: {chair.Phone}");
        }

        return new RecordOfReviewLetter(
            $"Record of your review on {review.HeldOn:d MMMM yyyy}",
            $"{review.RecordIssuedOn ?? today:d MMMM yyyy}",
            $"Dear {name},",
            sections,
            "With best wishes,",
            chair?.Name ?? "Your Independent Reviewing Officer",
            contact);
    }

    private static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ["Nothing written yet."]
            : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
