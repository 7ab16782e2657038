using System.Security.Cryptography;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Account;

/// <summary>Creates staff accounts with a role; used by `iro users add`, the demo seed and account administration.</summary>
public sealed class UserProvisioning(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IroDbContext db)
{
    public sealed record Result(bool Succeeded, IReadOnlyList<string> Errors);

    /// <summary>
    /// Creates the account and gives it its role. Without a password the account can sign in only with its
    /// organisation account.
    /// </summary>
    public async Task<Result> CreateAsync(string email, string displayName, string role, string? password, string? agency, CancellationToken ct)
    {
        var normalisedRole = Roles.Normalise(role);
        if (normalisedRole is null)
            return new(false, [$"Role '{role}' is not known. Use one of: {string.Join(", ", Roles.All)}."]);

        var link = await LinkForRoleAsync(email, normalisedRole, agency, ct);
        if (link.Error is not null) return new(false, [link.Error]);

        // The roles, the user and their role are written together or not at all (inside a caller's transaction
        // when there is one, as in the demo seed).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole(name));
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            ReviewingOfficerId = link.OfficerId,
            Agency = link.Agency,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded) return new(false, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRoleAsync(user, normalisedRole);
        if (!added.Succeeded) return new(false, added.Errors.Select(e => e.Description).ToList());
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new(true, []);
    }

    /// <summary>What an account in a role is linked to, or why it cannot be.</summary>
    public sealed record RoleLink(int? OfficerId, string? Agency, string? Error);

    /// <summary>
    /// An IRO's account is linked to the IRO with the same email (so it sees that IRO's children); an agency
    /// coordinator's to their agency. Other roles are linked to nothing.
    /// </summary>
    public async Task<RoleLink> LinkForRoleAsync(string email, string role, string? agency, CancellationToken ct)
    {
        if (role == Roles.Iro)
        {
            var officerId = await db.ReviewingOfficers.Where(o => o.Email == email).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            return officerId is null
                ? new(null, null, $"No IRO has the email '{email}'. Add the IRO first (iro import iros) so the account can be linked.")
                : new(officerId, null, null);
        }

        if (role == Roles.AgencyCoordinator)
        {
            return string.IsNullOrWhiteSpace(agency)
                ? new(null, null, "An agency coordinator needs an agency: the commissioned agency's name.")
                : new(null, agency.Trim(), null);
        }

        return new(null, null, null);
    }

    /// <summary>
    /// A random password that meets the policy: 16 characters from an unambiguous alphabet (about 92 bits, far
    /// from anything on the common-password list).
    /// </summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
