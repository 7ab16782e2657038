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
    public const int Attendees = 1_000;
    public const int CommunicationNeeds = 1_000;
    public const int LateReasonNote = 500;
    public const int Reason = 1_000;
    public const int Decision = 2_000;
    public const int LetterSection = 10_000;
    public const int MidwaySummary = 5_000;
    public const int CaseNote = 10_000;

    /// <summary>
    /// Text as it is stored: surrounding spaces dropped, every line break one character, whichever way the
    /// browser sent it, and no control characters. Saving applies this, so the length checked is the length stored.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return StripControlCharacters(text.Trim().ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// The text without control characters other than tab and line breaks: they have no meaning in a record,
    /// cannot be written into a Word document or XML, and only arrive by pasting or by a crafted request.
    /// </summary>
    public static string StripControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsStripped)) return text;
        return string.Create(text.Length - text.Count(IsStripped), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!IsStripped(c)) span[i++] = c;
            }
        });
    }

    private static bool IsStripped(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>The length a person sees, and the length stored.</summary>
    public static int LengthOf(string? text) => text is null ? 0 : Normalise(text).Length;

    /// <summary>The GOV.UK message when the text is too long; null when it fits.</summary>
    public static string? TooLong(string? text, int max, string label) =>
        LengthOf(text) > max ? $"{label} must be {max:N0} characters or fewer" : null;
}
