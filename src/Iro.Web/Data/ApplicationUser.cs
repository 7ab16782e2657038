using Microsoft.AspNetCore.Identity;

namespace Iro.Web.Data;

/// <summary>A signed-in member of staff. Links to an IRO record or an agency where the role needs it.</summary>
public class ApplicationUser : IdentityUser
{
    public const int ExternalObjectIdMaxLength = 128;

    public string DisplayName { get; set; } = "";

    /// <summary>For users in the Iro role: the IRO whose children they may see.</summary>
    public int? ReviewingOfficerId { get; set; }

    /// <summary>For agency coordinators: the commissioned agency whose IROs' children they may see.</summary>
    public string? Agency { get; set; }

    /// <summary>A disabled account cannot sign in by any means, and its sessions end at their next request.</summary>
    public bool Disabled { get; set; }

    /// <summary>When the user last signed in (UTC), with a password or their organisation account.</summary>
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>
    /// The organisation's object id for this person (the <c>oid</c> claim), stored at their first organisation
    /// sign-in so a later change of e-mail address still finds the same account.
    /// </summary>
    public string? ExternalObjectId { get; set; }
}
