namespace Iro.Web.Features.Account;

/// <summary>Session lifetimes and sign-in limits, from the <c>Authentication</c> configuration section.</summary>
public sealed class AuthenticationSettings
{
    public const string Section = "Authentication";

    /// <summary>A session with no request for this long ends (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 10;

    /// <summary>Sign-in attempts allowed from one client address in a minute.</summary>
    public int SignInAttemptsPerClientPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts allowed for one account name in a minute, from anywhere.</summary>
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 5;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);

    /// <summary>When a session started at <paramref name="createdUtc"/> and last used at <paramref name="lastSeenUtc"/> ends.</summary>
    public DateTime SessionExpiry(DateTime createdUtc, DateTime lastSeenUtc)
    {
        var idle = lastSeenUtc + IdleTimeout;
        var absolute = createdUtc + AbsoluteLifetime;
        return idle < absolute ? idle : absolute;
    }
}
