using System.Security.Cryptography;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Account;

/// <summary>Creates staff accounts with a role; used by `iro users add` and the demo seed.</summary>
public sealed class UserProvisioning(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IroDbContext db)
{
    public sealed record Result(bool Succeeded, IReadOnlyList<string> Errors);

    public async Task<Result> CreateAsync(string email, string displayName, string role, string password, string? agency, CancellationToken ct)
    {
        var normalisedRole = Roles.Normalise(role);
        if (normalisedRole is null)
            return new(false, [$"Role '{role}' is not known. Use one of: {string.Join(", ", Roles.All)}."]);

        int? officerId = null;
        if (normalisedRole == Roles.Iro)
        {
            officerId = await db.ReviewingOfficers.Where(o => o.Email == email).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            if (officerId is null)
                return new(false, [$"No IRO has the email '{email}'. Add the IRO first (iro import iros) so the account can be linked."]);
        }

        if (normalisedRole == Roles.AgencyCoordinator && string.IsNullOrWhiteSpace(agency))
            return new(false, ["An agency coordinator needs --agency, the commissioned agency's name."]);

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
            ReviewingOfficerId = officerId,
            Agency = normalisedRole == Roles.AgencyCoordinator ? agency : null,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new(false, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRoleAsync(user, normalisedRole);
        if (!added.Succeeded) return new(false, added.Errors.Select(e => e.Description).ToList());
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new(true, []);
    }

    /// <summary>
    /// A random password that meets the policy: 16 characters from an unambiguous alphabet (about 92 bits, far
    /// from anything on the common-password list).
    /// </summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
