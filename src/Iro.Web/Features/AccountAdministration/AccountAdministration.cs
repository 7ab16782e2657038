using System.Text.Json;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AccountAdministration;

/// <summary>One staff account as administrators see it.</summary>
public sealed record AccountSummary(
    string Id, string Email, string DisplayName, string? Role, string? Agency, bool Disabled, DateTime? LastSignInUtc,
    DateTimeOffset? LockedOutUntil, int FailedSignIns, bool HasPassword, bool HasOrganisationIdentity, string ConcurrencyStamp);

/// <summary>
/// Administrators' changes to staff accounts. Each change to who may sign in, or as what, replaces the security
/// stamp, so the account's live sessions end at their next request; each is audited (who, what, when) as an
/// <see cref="EntityType"/> entry keyed by the account.
/// </summary>
public sealed class AccountAdministrationService(
    IroDbContext db, UserManager<ApplicationUser> users, UserProvisioning provisioning, AuditLog audit, TimeProvider clock)
{
    public const string EntityType = "Account";
    public const string StaleMessage = "Someone else changed this account while you were looking at it. Check the details and try again";

    public sealed record Outcome(bool Succeeded, string? Error)
    {
        public static readonly Outcome Done = new(true, null);

        public static Outcome Refused(string error) => new(false, error);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct) =>
        await Summaries(db.Users.OrderBy(u => u.Email)).ToListAsync(ct);

    public Task<AccountSummary?> FindAsync(string id, CancellationToken ct) =>
        Summaries(db.Users.Where(u => u.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>Creates an account; with a password when local passwords are on (to be passed on to its owner).</summary>
    public async Task<UserProvisioning.Result> CreateAsync(
        string actorId, string email, string displayName, string role, string? agency, string? password, CancellationToken ct)
    {
        var result = await provisioning.CreateAsync(email, displayName, role, password, agency, ct);
        if (!result.Succeeded) return result;
        var user = await users.FindByNameAsync(email) ?? throw new InvalidOperationException("The account just created is missing.");
        await RecordAsync(actorId, "CreateAccount", user, new { email, role = Roles.Normalise(role), agency = user.Agency, withPassword = password is not null }, ct);
        return result;
    }

    public async Task<Outcome> SetDisabledAsync(string actorId, string id, bool disabled, string concurrencyStamp, CancellationToken ct)
    {
        if (await LoadAsync(id, concurrencyStamp, ct) is not { } user) return Outcome.Refused(StaleMessage);
        if (disabled && user.Id == actorId) return Outcome.Refused("You cannot disable your own account");
        if (user.Disabled == disabled) return Outcome.Done;

        user.Disabled = disabled;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) return Outcome.Refused(StaleMessage);
        if (disabled) await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        await RecordAsync(actorId, disabled ? "DisableAccount" : "EnableAccount", user, new { email = user.Email }, ct);
        return Outcome.Done;
    }

    public async Task<Outcome> ChangeRoleAsync(string actorId, string id, string role, string? agency, string concurrencyStamp, CancellationToken ct)
    {
        if (Roles.Normalise(role) is not { } newRole) return Outcome.Refused("Select a role");
        if (await LoadAsync(id, concurrencyStamp, ct) is not { } user) return Outcome.Refused(StaleMessage);
        if (user.Id == actorId && newRole != Roles.Admin) return Outcome.Refused("You cannot take the administrator role from your own account");
        var link = await provisioning.LinkForRoleAsync(user.Email ?? "", newRole, agency, ct);
        if (link.Error is not null) return Outcome.Refused(link.Error);

        var oldRoles = await users.GetRolesAsync(user);
        if (oldRoles.SequenceEqual([newRole]) && user.ReviewingOfficerId == link.OfficerId && user.Agency == link.Agency) return Outcome.Done;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.ReviewingOfficerId = link.OfficerId;
        user.Agency = link.Agency;
        var removed = await users.RemoveFromRolesAsync(user, oldRoles);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, newRole) : removed;
        var stamped = added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
        if (!stamped.Succeeded) return Outcome.Refused(StaleMessage);
        await RecordAsync(actorId, "ChangeRole", user, new { email = user.Email, from = string.Join(",", oldRoles), to = newRole, agency = link.Agency }, ct);
        await transaction.CommitAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> ResetLockoutAsync(string actorId, string id, string concurrencyStamp, CancellationToken ct)
    {
        if (await LoadAsync(id, concurrencyStamp, ct) is not { } user) return Outcome.Refused(StaleMessage);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RecordAsync(actorId, "ResetLockout", user, new { email = user.Email }, ct);
        return Outcome.Done;
    }

    /// <summary>The account, if it is unchanged since the administrator's form was drawn.</summary>
    private async Task<ApplicationUser?> LoadAsync(string id, string concurrencyStamp, CancellationToken ct)
    {
        var user = await users.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        return user is not null && string.Equals(user.ConcurrencyStamp, concurrencyStamp, StringComparison.Ordinal) ? user : null;
    }

    private Task RecordAsync(string actorId, string action, ApplicationUser user, object values, CancellationToken ct) =>
        audit.RecordAsync(actorId, action, EntityType, user.Id, JsonSerializer.Serialize(values), ct);

    private IQueryable<AccountSummary> Summaries(IQueryable<ApplicationUser> accounts) =>
        accounts.Select(u => new AccountSummary(
            u.Id,
            u.Email ?? u.UserName ?? "",
            u.DisplayName,
            db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            u.Agency,
            u.Disabled,
            u.LastSignInUtc,
            u.LockoutEnd,
            u.AccessFailedCount,
            u.PasswordHash != null,
            u.ExternalObjectId != null,
            u.ConcurrencyStamp ?? ""));

    /// <summary>Whether the account is locked out now (Identity keeps the end of the lockout).</summary>
    public bool IsLockedOut(AccountSummary account) => account.LockedOutUntil is { } until && until > clock.GetUtcNow();
}
