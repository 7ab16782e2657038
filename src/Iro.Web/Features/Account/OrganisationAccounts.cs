using System.Security.Claims;
using System.Text.Json;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.AccountAdministration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Account;

/// <summary>
/// Decides which account an organisation identity signs in as, or why it may not: matched by object id (the
/// <c>oid</c> claim, else <c>sub</c>), stored at the first match, or else by e-mail; the role from the configured
/// group map when one of the user's groups is in it, else the account's own role. An unknown user gets an
/// account only when the group map gives them a role; a disabled account is refused.
/// </summary>
public sealed class OrganisationAccounts(
    UserManager<ApplicationUser> users,
    UserProvisioning provisioning,
    AccountAdministrationService administration,
    AuditLog audit,
    IOptions<AuthenticationSettings> settings)
{
    public const string NoAccountMessage = "There is no account for you in this service. Ask your IRO service's administrator for one.";
    public const string NoRoleMessage = "Your account has no role in this service. Ask your IRO service's administrator to give you one.";
    public const string DisabledMessage = "Your account in this service has been disabled. Ask your IRO service's administrator if you need it.";
    public const string UnusableMessage = "Your organisation account did not say who you are (an e-mail address and an object id are needed).";

    public sealed record Decision(ApplicationUser? User, string? Refusal);

    public async Task<Decision> DecideAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        var objectId = external.FindFirstValue("oid") ?? external.FindFirstValue("sub");
        var email = external.FindFirstValue("email") ?? external.FindFirstValue("preferred_username");
        if (string.IsNullOrWhiteSpace(objectId) || string.IsNullOrWhiteSpace(email) || objectId.Length > ApplicationUser.ExternalObjectIdMaxLength)
            return Refuse(UnusableMessage);
        var mappedRole = MappedRole(external.FindAll("groups").Select(c => c.Value));

        var user = await users.Users.SingleOrDefaultAsync(u => u.ExternalObjectId == objectId, ct);
        if (user is null && await users.FindByEmailAsync(email) is { } byEmail)
        {
            // An account already linked to another organisation identity is not taken over by a matching e-mail.
            if (byEmail.ExternalObjectId is not null) return Refuse(NoAccountMessage);
            user = byEmail;
        }

        if (user is null)
        {
            if (mappedRole is null) return Refuse(NoAccountMessage);
            var name = external.FindFirstValue("name") ?? email;
            var created = await provisioning.CreateAsync(email, name, mappedRole, password: null, agency: null, ct);
            if (!created.Succeeded) return Refuse(NoRoleMessage);
            user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The account just provisioned is missing.");
            await audit.RecordAsync(WriteAuditInterceptor.SystemUser, "ProvisionAccount", AccountAdministrationService.EntityType, user.Id,
                JsonSerializer.Serialize(new { email, role = mappedRole, objectId }), ct);
        }

        if (user.Disabled) return Refuse(DisabledMessage);

        var accountRoles = await users.GetRolesAsync(user);
        if (mappedRole is not null && !accountRoles.SequenceEqual([mappedRole]))
        {
            // The organisation's groups decide: the account follows them (and its other sessions end).
            var changed = await administration.ChangeRoleAsync(WriteAuditInterceptor.SystemUser, user.Id, mappedRole, user.Agency, user.ConcurrencyStamp ?? "", ct);
            if (!changed.Succeeded) return Refuse(NoRoleMessage);
            user = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The account is missing.");
        }
        else if (mappedRole is null && accountRoles.Count == 0)
        {
            return Refuse(NoRoleMessage);
        }

        if (user.ExternalObjectId is null)
        {
            user.ExternalObjectId = objectId;
            await users.UpdateAsync(user);
        }

        return new(user, null);
    }

    /// <summary>
    /// The role the user's groups give. When groups map to different roles, the first of them in the order of
    /// <see cref="Roles.All"/> wins, so the answer does not depend on the order of the token's claims.
    /// </summary>
    private string? MappedRole(IEnumerable<string> groups)
    {
        var map = settings.Value.Oidc.GroupRoles;
        var given = groups.Select(g => map.TryGetValue(g, out var role) ? Roles.Normalise(role) : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Roles.All.FirstOrDefault(given.Contains);
    }

    private static Decision Refuse(string reason) => new(null, reason);
}
