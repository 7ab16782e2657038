using Iro.Domain.Children;
using Iro.Domain.Officers;

namespace Iro.Web.Features.MyIro;

/// <summary>The two wordings of the letter, chosen by the child's age today.</summary>
public enum ReadingLevel
{
    /// <summary>Under 11: short sentences and everyday words.</summary>
    Younger,

    /// <summary>11 and over.</summary>
    Older,
}

/// <summary>
/// The "My IRO" letter: a one-page introduction of the child's IRO written to the child, as plain paragraphs
/// shared by the print page and the Word document so the two never differ.
/// </summary>
public sealed record MyIroLetter(
    ReadingLevel Level, string Title, string Greeting, IReadOnlyList<(string Heading, IReadOnlyList<string> Paragraphs)> Sections,
    string SignOff, string Signature, IReadOnlyList<string> Contact)
{
    /// <summary>The age from which the older wording is used.</summary>
    public const int OlderFromAge = 11;

    public static ReadingLevel LevelFor(DateOnly dateOfBirth, DateOnly today) =>
        Child.AgeOn(dateOfBirth, today) >= OlderFromAge ? ReadingLevel.Older : ReadingLevel.Younger;

    /// <param name="nextReviewDue">The due date of the next review from the review timetable; null when not known.</param>
    public static MyIroLetter For(Child child, ReviewingOfficer officer, DateOnly? nextReviewDue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(officer);
        var name = string.IsNullOrWhiteSpace(child.FirstName) ? child.DisplayName : child.FirstName;
        var level = LevelFor(child.DateOfBirth, today);
        var contact = new List<string> { $"Email: {officer.Email}" };
        if (!string.IsNullOrWhiteSpace(officer.Phone)) contact.Add($"Phone: {officer.Phone}");
        var sections = level == ReadingLevel.Younger ? Younger(officer, nextReviewDue) : Older(officer, nextReviewDue);
        return new MyIroLetter(
            level, $"Meet {officer.Name}, your IRO", $"Dear {name},", sections, "Best wishes,", officer.Name, ["Independent Reviewing Officer", .. contact]);
    }

    private static string ReviewDate(DateOnly? due, string known, string unknown) =>
        due is { } d ? string.Format(System.Globalization.CultureInfo.InvariantCulture, known, d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)) : unknown;

    private static IReadOnlyList<(string, IReadOnlyList<string>)> Younger(ReviewingOfficer officer, DateOnly? due) =>
    [
        ("Who I am", [$"My name is {officer.Name}. I am your IRO. IRO means Independent Reviewing Officer.",
            "My job is to make sure the grown-ups look after you well and listen to what you say."]),
        ("Your next meeting", [ReviewDate(due, "We will meet to talk about how things are going by {0}. This meeting is called a review.",
            "We will meet soon to talk about how things are going. This meeting is called a review."),
            "You can tell me what you think, and you can choose who comes to the meeting."]),
        ("Someone to help you speak", ["You can have an advocate. An advocate is a person who helps you say what you want. Ask me or your social worker and we will find one for you."]),
        ("If you are not happy", ["If you are not happy with how you are looked after, you can tell me. You can also make a complaint. I will help you do it."]),
        ("How to reach me", ["You can call me or send me an email. My details are below."]),
    ];

    private static IReadOnlyList<(string, IReadOnlyList<string>)> Older(ReviewingOfficer officer, DateOnly? due) =>
    [
        ("Who I am", [$"My name is {officer.Name} and I am your Independent Reviewing Officer (IRO).",
            "I am independent of your social worker and their managers. My job is to check that your care plan meets your needs, that the council does what it has agreed to do, and that your wishes and feelings are heard."]),
        ("Your next review", [ReviewDate(due, "Your next review is due by {0}. I will chair it and I will talk to you before it about how you want to take part.",
            "Your next review will be arranged soon. I will chair it and I will talk to you before it about how you want to take part."),
            "You can help decide who comes, where it is held, and you can ask to chair part of it yourself."]),
        ("Your right to an advocate", ["You have the right to an independent advocate: someone who is on your side and can help you say what you want, at your review or at any other time. Ask me or your social worker and we will arrange one."]),
        ("Your right to complain", ["If you are unhappy with your care or with a decision about you, you have the right to make a complaint to the council. I can help you with this, and so can an advocate. If things still are not put right, I can take it further on your behalf."]),
        ("How to contact me", ["You can contact me whenever you want to talk about your care plan, using the details below."]),
    ];
}
