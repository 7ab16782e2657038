using Microsoft.AspNetCore.Identity;

namespace Iro.Web.Data;

/// <summary>A signed-in member of staff. Links to an IRO record or an agency where the role needs it.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For users in the Iro role: the IRO whose children they may see.</summary>
    public int? ReviewingOfficerId { get; set; }

    /// <summary>For agency coordinators: the commissioned agency whose IROs' children they may see.</summary>
    public string? Agency { get; set; }
}
