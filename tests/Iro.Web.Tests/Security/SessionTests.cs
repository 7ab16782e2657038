using System.Net;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Sessions end on the server: signing out, the idle timeout, the absolute lifetime and a change to the account
/// each end a session so that its cookie no longer reads a child through the API.
/// </summary>
public abstract class SessionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const string ChildApi = "/api/v1/children/A1";
    private static readonly AuthenticationSettings Defaults = new();

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_by_the_child_api()
    {
        var client = SignIn.NewClient(app);
        using var signedIn = await SignIn.PostSignInAsync(client, AccessScenario.Manager, AccessScenario.Password);
        var copied = SessionCookie(signedIn);
        Assert.Equal(HttpStatusCode.OK, (await GetChildAsync(copied)).StatusCode);

        var token = await SignIn.AntiforgeryTokenAsync(client, "/");
        using var signOut = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetChildAsync(copied)).StatusCode);
        Assert.False(await HasSessionsAsync(AccessScenario.Manager));
    }

    [Fact]
    public async Task A_session_idle_for_longer_than_the_timeout_ends_and_activity_keeps_it_alive()
    {
        var client = await SignIn.AsAsync(app, AccessScenario.Support);
        var halfTimeout = Defaults.IdleTimeout / 2 + TimeSpan.FromMinutes(5);

        app.Clock.Advance(halfTimeout);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ChildApi)).StatusCode);
        app.Clock.Advance(halfTimeout);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ChildApi)).StatusCode);

        app.Clock.Advance(Defaults.IdleTimeout + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ChildApi)).StatusCode);
    }

    [Fact]
    public async Task An_active_session_ends_at_the_absolute_lifetime()
    {
        var client = await SignIn.AsAsync(app, AccessScenario.Admin);
        var signedInAt = app.Clock.GetUtcNow();
        var step = Defaults.IdleTimeout - TimeSpan.FromMinutes(5);

        while (app.Clock.GetUtcNow() + step < signedInAt + Defaults.AbsoluteLifetime)
        {
            app.Clock.Advance(step);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ChildApi)).StatusCode);
        }

        app.Clock.Advance(step);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ChildApi)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_account_security_stamp_ends_its_sessions()
    {
        var client = await SignIn.AsAsync(app, AccessScenario.IroAda);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ChildApi)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var ada = await users.FindByNameAsync(AccessScenario.IroAda);
            await users.UpdateSecurityStampAsync(ada!);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ChildApi)).StatusCode);
    }

    [Fact]
    public async Task The_database_holds_a_hash_of_the_session_key_not_the_key()
    {
        var client = SignIn.NewClient(app);
        using var signedIn = await SignIn.PostSignInAsync(client, AccessScenario.IroBen, AccessScenario.Password);
        var cookieValue = SessionCookie(signedIn).Split('=', 2)[1];

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var ids = await db.UserSessions.Select(s => s.Id).ToListAsync();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain(ids, id => cookieValue.Contains(id, StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> GetChildAsync(string sessionCookie)
    {
        var replay = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, ChildApi);
        request.Headers.Add("Cookie", sessionCookie);
        return await replay.SendAsync(request);
    }

    private async Task<bool> HasSessionsAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        return await db.UserSessions.AnyAsync(s => db.Users.Any(u => u.Id == s.UserId && u.UserName == email));
    }

    /// <summary>The session cookie ("iro.auth=value") the sign-in response set.</summary>
    private static string SessionCookie(HttpResponseMessage signedIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iro.auth=", StringComparison.Ordinal)).Split(';')[0];
    }
}

public sealed class SessionSqliteTests(SqliteApp app) : SessionTests<SqliteApp>(app);

public sealed class SessionPostgresTests(PostgresApp app) : SessionTests<PostgresApp>(app);
