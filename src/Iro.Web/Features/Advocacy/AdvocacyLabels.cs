using Iro.Domain.Voice;

namespace Iro.Web.Features.Advocacy;

/// <summary>How advocacy sources and reasons read on the pages.</summary>
public static class AdvocacyLabels
{
    public static string Source(AdvocacySource source) => source switch
    {
        AdvocacySource.Iro => "The IRO",
        AdvocacySource.SocialWorker => "The social worker",
        AdvocacySource.Child => "The child",
        AdvocacySource.ReturnHomeInterview => "A return home interview",
        AdvocacySource.Carer => "The carer",
        _ => "Someone else",
    };

    /// <summary>The configured labels of the reasons, in the stored order; a key no longer configured reads as itself.</summary>
    public static string Reasons(VoiceOptions options, AdvocacyReferral referral)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(referral);
        return string.Join(", ", referral.Reasons.Select(key => options.AdvocacyReason(key)?.Label ?? key));
    }
}
