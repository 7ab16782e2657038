namespace Iro.Web.Features.Account;

/// <summary>
/// A signed-in session kept on the server. The browser's cookie carries only the session key; the row holds a hash
/// of that key, so a copy of the table cannot be replayed as cookies. Deleting the row ends the session everywhere.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the session key the cookie carries, in hex.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    /// <summary>The earlier of the idle timeout after the last request and the absolute lifetime after sign-in.</summary>
    public DateTime ExpiresUtc { get; set; }

    /// <summary>The authentication ticket (who the user is, their roles, security stamp), protected with data protection.</summary>
    public required byte[] Ticket { get; set; }
}
