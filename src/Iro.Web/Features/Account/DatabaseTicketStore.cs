using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Account;

/// <summary>
/// Keeps sign-in sessions in the database (<see cref="UserSession"/>), so the cookie is only a key and the server
/// decides whether a session is still alive: signing out deletes it, so a copied cookie is refused afterwards; the
/// idle timeout and absolute lifetime are enforced here against the service's clock; and a session whose user's
/// security stamp has changed since sign-in (password, role or account changes) or whose account is disabled is
/// ended. Every new session is a sign-in, by password or organisation account, so the account's last sign-in is
/// recorded here. The same query reads the user record the request needs (<see cref="SignedInAccount"/>), so a
/// request does not look the user up again, and what it uses is never older than the session check.
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    IOptions<AuthenticationSettings> settings,
    IOptions<IdentityOptions> identity,
    IHttpContextAccessor http) : ITicketStore
{
    /// <summary>Last-seen times are written at most this often, so an active session is not a write per request.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Iro.Account.UserSession.Ticket");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A session needs a signed-in user.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();

        // Signing in is a natural moment to clear every session that has ended.
        await db.UserSessions.Where(s => s.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInUtc, now), cancellationToken);
        db.UserSessions.Add(new UserSession
        {
            Id = Hash(key),
            UserId = userId,
            CreatedUtc = now,
            LastSeenUtc = now,
            ExpiresUtc = settings.Value.SessionExpiry(now, now),
            Ticket = Protect(ticket),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var protectedTicket = Protect(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await db.UserSessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, protectedTicket), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var session = await SessionWithAccount.For(db)(db, id, cancellationToken);
        if (session is null) return null;

        var ticket = now < session.ExpiresUtc ? Unprotect(session.Ticket) : null;
        var stampAtSignIn = ticket?.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (ticket is null || !string.Equals(stampAtSignIn, session.CurrentStamp, StringComparison.Ordinal))
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenUtc >= LastSeenResolution)
        {
            var expires = settings.Value.SessionExpiry(session.CreatedUtc, now);
            await db.UserSessions.Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now).SetProperty(x => x.ExpiresUtc, expires), cancellationToken);
        }

        if (http.HttpContext is { } request && session.DisplayName is not null)
            SignedInAccount.Remember(request, new SignedInAccount(session.UserId, session.DisplayName, session.ReviewingOfficerId, session.Agency));
        return ticket;
    }

    /// <summary>A session and what the request needs of its account (null when the account is disabled or deleted).</summary>
    private sealed record SessionRow(
        DateTime CreatedUtc, DateTime LastSeenUtc, DateTime ExpiresUtc, byte[] Ticket, string UserId,
        string? CurrentStamp, string? DisplayName, int? ReviewingOfficerId, string? Agency);

    /// <summary>
    /// Read on every signed-in request, so compiled once rather than translated from its expression tree each time.
    /// A disabled or deleted account has no current stamp, so its sessions end.
    /// </summary>
    private static readonly CompiledPerModel<Func<IroDbContext, string, CancellationToken, Task<SessionRow?>>> SessionWithAccount = new(() => EF.CompileAsyncQuery(
        (IroDbContext db, string id, CancellationToken ct) => (
                from s in db.UserSessions.Where(s => s.Id == id)
                join u in db.Users.Where(u => !u.Disabled) on s.UserId equals u.Id into accounts
                from u in accounts.DefaultIfEmpty()
                select new SessionRow(
                    s.CreatedUtc, s.LastSeenUtc, s.ExpiresUtc, s.Ticket, s.UserId,
                    u == null ? null : u.SecurityStamp, u == null ? null : u.DisplayName,
                    u == null ? null : u.ReviewingOfficerId, u == null ? null : u.Agency))
            .SingleOrDefault()));

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            // Keys rotated away or the row was tampered with: the session cannot be trusted, so it has ended.
            return null;
        }
    }
}
