using Iro.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Iro.Web.Features.Account;

/// <summary>Refuses passwords on the common-password deny-list wherever a password is set (Identity runs every validator).</summary>
public sealed class DenyListPasswordValidator(PasswordDenyList denyList) : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && denyList.Contains(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "Choose a password that is harder to guess: this one is on a list of common or breached passwords.",
            })
            : IdentityResult.Success);
}
