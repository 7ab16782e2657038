namespace Iro.Domain.Reviews;

/// <summary>
/// The most characters each free-text field of the review record may hold, so one entry cannot swamp a page,
/// the letter or the database. Stated in docs/reviews.md.
/// </summary>
public static class ReviewTextLimits
{
    public const int Name = 200;
    public const int Venue = 200;
    public const int OtherInvitees = 500;
    public const int Attendees = 2_000;
    public const int CommunicationNeeds = 2_000;
    public const int LateReasonNote = 1_000;
    public const int Reason = 2_000;
    public const int Decision = 2_000;
    public const int LetterSection = 10_000;
    public const int MidwaySummary = 5_000;
    public const int CaseNote = 10_000;

    /// <summary>The length a person sees: line breaks count once, whichever way the browser sent them.</summary>
    public static int LengthOf(string? text) => text?.Trim().ReplaceLineEndings("\n").Length ?? 0;

    /// <summary>The GOV.UK message when the text is too long; null when it fits.</summary>
    public static string? TooLong(string? text, int max, string label) =>
        LengthOf(text) > max ? $"{label} must be {max:N0} characters or fewer" : null;
}
