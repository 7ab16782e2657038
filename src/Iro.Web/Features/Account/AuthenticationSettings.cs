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

    /// <summary>Sign-in with a password kept by this service (<c>Authentication:LocalPasswords</c>).</summary>
    public LocalPasswordSettings LocalPasswords { get; set; } = new();

    /// <summary>Sign-in with the organisation's OpenID Connect provider (<c>Authentication:Oidc</c>).</summary>
    public OrganisationSignInSettings Oidc { get; set; } = new();

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

public sealed class LocalPasswordSettings
{
    /// <summary>Off, the password form is not shown and password sign-in is refused: everyone uses their organisation account.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>The organisation's OpenID Connect provider (Microsoft Entra ID or another).</summary>
public sealed class OrganisationSignInSettings
{
    /// <summary>The issuer, for example <c>https://login.microsoftonline.com/{tenant}/v2.0</c>. Empty: organisation sign-in is off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The provider's metadata must come over HTTPS; only a test provider on this machine may turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Group id or name (as in the token's <c>groups</c> claim) to the app role it gives. When any is configured,
    /// the role comes from the groups; otherwise from the account's own role.
    /// </summary>
    public Dictionary<string, string> GroupRoles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Configured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
