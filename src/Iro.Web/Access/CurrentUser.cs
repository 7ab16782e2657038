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
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        _cached = new CurrentUser(user.Id, user.DisplayName, roles, user.ReviewingOfficerId, user.Agency) { Today = clock.ServiceToday() };
        return _cached;
    }
}
