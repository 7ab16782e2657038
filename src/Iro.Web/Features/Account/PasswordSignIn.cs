using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Iro.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown account, wrong password, locked, disabled or not allowed: one outcome, so none can be told apart.</summary>
    Refused,

    /// <summary>Too many attempts for this account name in the last minute.</summary>
    TooManyAttempts,
}

/// <summary>
/// Signs in with an email and password so that the answer and its timing say nothing about the account: an
/// unknown, disabled or locked account costs the same one password-hash verification as a known one.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    PlaceholderPasswordHash placeholder,
    AccountAttemptLimiter attempts)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        if (!attempts.TryAttempt(email)) return SignInOutcome.TooManyAttempts;

        var user = await users.FindByNameAsync(email);
        if (user is null || user.Disabled || await users.IsLockedOutAsync(user))
        {
            placeholder.Verify(hasher, password);
            return SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Refused;
    }
}

/// <summary>A hash of a random password, made once, to verify against when there is no real hash to check.</summary>
public sealed class PlaceholderPasswordHash
{
    private static readonly ApplicationUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}

/// <summary>Sign-in attempts per account name, whichever clients they come from (a fixed one-minute window).</summary>
public sealed class AccountAttemptLimiter(IOptions<AuthenticationSettings> settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.Value.SignInAttemptsPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }),
        StringComparer.Ordinal);

    public bool TryAttempt(string account)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
