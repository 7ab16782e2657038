namespace Iro.Domain.Codes;

/// <summary>DfE wording of the participation codes and the age rule (903 rules 440 and 441).</summary>
public static class ParticipationCodes
{
    public static string Describe(ParticipationCode code) => code switch
    {
        ParticipationCode.PN0 => "Child aged under 4 at the time of the review",
        ParticipationCode.PN1 => "Child physically attends and speaks for him or herself (Attendance)",
        ParticipationCode.PN2 => "Child physically attends and an advocate speaks on his or her behalf (Attendance; views represented by advocate or IRO)",
        ParticipationCode.PN3 => "Child attends and conveys his or her view symbolically, non-verbally (Attendance; symbols)",
        ParticipationCode.PN4 => "Child physically attends but does not speak for him or herself, does not convey a view symbolically and does not ask an advocate to speak (Attendance without contribution)",
        ParticipationCode.PN5 => "Child does not attend physically but briefs an advocate to speak for him or her (views represented by advocate or IRO through texting, written format, phone, audio/video, viewpoint)",
        ParticipationCode.PN6 => "Child does not attend but conveys his or her feelings to the review by a facilitative medium (texting the chair, written format, phone, audio/video, viewpoint)",
        ParticipationCode.PN7 => "Child does not attend, nor are his or her views conveyed to the review",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>
    /// Whether the code fits the child's age on the review date. As the DfE rules are implemented, the
    /// 4th birthday itself allows both PN0 and PN1-PN7 [C: 903 rules 440, 441].
    /// </summary>
    public static bool FitsAge(ParticipationCode code, DateOnly dateOfBirth, DateOnly reviewDate)
    {
        var fourthBirthday = dateOfBirth.AddYears(4);
        return code == ParticipationCode.PN0 ? reviewDate <= fourthBirthday : reviewDate >= fourthBirthday;
    }
}
