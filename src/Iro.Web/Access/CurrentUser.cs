using System.Security.Claims;
using Iro.Domain.Calendar;
using Iro.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Access;

/// <summary>Which children a user may see.</summary>
public enum ChildScope
{
    /// <summary>No child-level data (analysts: aggregate figures only).</summary>
    None,

    /// <summary>Children ever allocated to one IRO (changes only to those allocated now: <see cref="WriteScope"/>).</summary>
    Officer,

    /// <summary>Children allocated today to the IROs of one commissioned agency.</summary>
    Agency,

    /// <summary>Every child in the service.</summary>
    All,
}

/// <summary>The signed-in user, read from the principal and the user record (never from the request).</summary>
public sealed record CurrentUser(string UserId, string DisplayName, IReadOnlySet<string> Roles, int? ReviewingOfficerId, string? Agency)
{
    public ChildScope Scope =>
        Roles.Contains(Access.Roles.Manager) || Roles.Contains(Access.Roles.BusinessSupport) || Roles.Contains(Access.Roles.Admin)
            ? ChildScope.All
            : Roles.Contains(Access.Roles.Iro) && ReviewingOfficerId is not null
                ? ChildScope.Officer
                : Roles.Contains(Access.Roles.AgencyCoordinator) && !string.IsNullOrEmpty(Agency)
                    ? ChildScope.Agency
                    : ChildScope.None;

    /// <summary>
    /// The service's day when the user was read (Europe/London): scopes that depend on today's allocations, such as
    /// an agency's, are judged on it. Left unset, no allocation is current and such scopes see nothing.
    /// </summary>
    public DateOnly Today { get; init; }

    /// <summary>Whether the user's roles grant a permission (see <see cref="Permissions"/>).</summary>
    public bool Can(string permission) => Permissions.Grants(Roles, permission);
}

/// <summary>
/// The user record a request's session check read with the session (the account as it is now, enabled), kept for
/// that request only: <see cref="CurrentUserAccessor"/> uses it instead of reading the user again.
/// </summary>
public sealed record SignedInAccount(string UserId, string DisplayName, int? ReviewingOfficerId, string? Agency)
{
    private static readonly object Key = new();

    public static void Remember(HttpContext request, SignedInAccount account)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Items[Key] = account;
    }

    /// <summary>The account read with this request's session, when it is the principal's user.</summary>
    public static SignedInAccount? Of(HttpContext request, string userId) =>
        request.Items.TryGetValue(Key, out var kept) && kept is SignedInAccount account && account.UserId == userId ? account : null;
}

public sealed class CurrentUserAccessor(IHttpContextAccessor http, UserManager<ApplicationUser> users, TimeProvider clock)
{
    private CurrentUser? _cached;

    /// <summary>The signed-in user; fails when nobody is signed in (every page and API route needs a user).</summary>
    public async Task<CurrentUser> GetAsync(CancellationToken ct = default) =>
        await FindAsync(ct) ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>
    /// The signed-in user, or null outside a signed-in request (the command line, background work), where
    /// changes are attributed to the system.
    /// </summary>
    public async Task<CurrentUser?> FindAsync(CancellationToken ct = default)
    {
        if (_cached is not null) return _cached;
        var principal = http.HttpContext?.User;
        if (principal is null || users.GetUserId(principal) is not { } userId) return null;
        var account = SignedInAccount.Of(http.HttpContext!, userId)
            ?? await users.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new SignedInAccount(u.Id, u.DisplayName, u.ReviewingOfficerId, u.Agency)).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        _cached = new CurrentUser(account.UserId, account.DisplayName, roles, account.ReviewingOfficerId, account.Agency) { Today = clock.ServiceToday() };
        return _cached;
    }
}
