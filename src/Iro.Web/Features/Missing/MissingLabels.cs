using Iro.Domain.Codes;
using Iro.Domain.Voice;

namespace Iro.Web.Features.Missing;

/// <summary>How missing episodes and their interviews are worded on the pages.</summary>
public static class MissingLabels
{
    public static string Type(MissingType? type) => type switch
    {
        MissingType.M => "Missing",
        MissingType.A => "Away from placement",
        null => "Not recorded",
        _ => type.ToString()!,
    };

    public static string Status(InterviewStatus status) => status switch
    {
        InterviewStatus.StillMissing => "Not yet returned",
        InterviewStatus.Awaiting => "Awaiting interview",
        InterviewStatus.Declined => "Declined",
        InterviewStatus.InTime => "Within 72 hours",
        InterviewStatus.Late => "Not within 72 hours",
        _ => status.ToString(),
    };

    public static string TagClass(InterviewStatus status) => status switch
    {
        InterviewStatus.InTime => "govuk-tag--green",
        InterviewStatus.Late or InterviewStatus.Awaiting => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string When(DateOnly? on, TimeOnly? at) =>
        on is { } d ? d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + (at is { } t ? " " + TimeText.Show(t) : "") : "";

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "" };
}
