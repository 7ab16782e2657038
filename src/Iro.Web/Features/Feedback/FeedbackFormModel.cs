using Iro.Domain.Voice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Feedback;

/// <summary>The fields of one consultation return, shared by a child's return after a review and a campaign's anonymous returns.</summary>
public abstract class FeedbackFormModel : PageModel
{
    [BindProperty] public DateInput ReceivedOn { get; set; } = new();
    [BindProperty] public string? AgeGroup { get; set; }
    [BindProperty] public string? LifeGettingBetter { get; set; }
    [BindProperty] public string? KnowsIro { get; set; }
    [BindProperty] public string? CanContactIro { get; set; }
    [BindProperty] public string? FeelsListenedTo { get; set; }

    /// <summary>The questions of a return: the form field and its wording.</summary>
    public static readonly IReadOnlyList<(string Field, string Question)> Questions =
    [
        (nameof(LifeGettingBetter), "Is your life getting better?"),
        (nameof(KnowsIro), "Do you know who your IRO is?"),
        (nameof(CanContactIro), "Can you contact your IRO?"),
        (nameof(FeelsListenedTo), "Do you feel listened to?"),
    ];

    public static IEnumerable<(string Value, string Label)> AgeGroupOptions =>
        FeedbackWords.AgeGroups.Select(g => (g.Word, g.Group switch
        {
            FeedbackAgeGroup.Under8 => "Under 8",
            FeedbackAgeGroup.From8To11 => "8 to 11",
            _ => "11 to 18",
        }));

    public static IEnumerable<(string Value, string Label)> AnswerOptions =>
        FeedbackWords.Answers.Select(a => (a.Word, a.Answer switch
        {
            FeedbackAnswer.Yes => "Yes",
            FeedbackAnswer.No => "No",
            _ => "Not sure",
        }));

    public string? Answer(string field) => field switch
    {
        nameof(LifeGettingBetter) => LifeGettingBetter,
        nameof(KnowsIro) => KnowsIro,
        nameof(CanContactIro) => CanContactIro,
        _ => FeelsListenedTo,
    };

    /// <summary>
    /// Reads and checks the form into a new return received no later than <paramref name="today"/>; null, with
    /// the errors in the model state, when something is wrong. Age group and answers may be left empty.
    /// </summary>
    protected FeedbackReturn? Read(DateOnly today)
    {
        var receivedOn = ReceivedOn.Read(ModelState, nameof(ReceivedOn), "The date received", "Enter the date the return was received");
        if (receivedOn > today) ModelState.AddModelError(nameof(ReceivedOn), "The date received must be today or in the past");
        if (!FeedbackWords.TryAgeGroup(AgeGroup, out var ageGroup)) ModelState.AddModelError(nameof(AgeGroup), "Select the child's age group");
        FeedbackAnswer? Answer(string field, string? text)
        {
            if (FeedbackWords.TryAnswer(text, out var answer)) return answer;
            ModelState.AddModelError(field, "Select yes, no or not sure");
            return null;
        }

        var feedback = new FeedbackReturn
        {
            AgeGroup = ageGroup,
            LifeGettingBetter = Answer(nameof(LifeGettingBetter), LifeGettingBetter),
            KnowsIro = Answer(nameof(KnowsIro), KnowsIro),
            CanContactIro = Answer(nameof(CanContactIro), CanContactIro),
            FeelsListenedTo = Answer(nameof(FeelsListenedTo), FeelsListenedTo),
        };
        if (!ModelState.IsValid) return null;
        feedback.ReceivedOn = receivedOn!.Value;
        return feedback;
    }
}
