using System.Net;
using System.Text.RegularExpressions;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Iro.Web.Features.AccountAdministration;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.AccountAdministration;

/// <summary>
/// Administrators create accounts, disable and enable them, change their role and clear lockouts; every change
/// is audited, and a change to who may sign in ends the account's live sessions at their next request.
/// Each test works on accounts of its own, so the tests share one app.
/// </summary>
public abstract partial class AccountAdministrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private static readonly string[] DisabledThenEnabled = ["DisableAccount", "EnableAccount"];

    [Theory]
    [MemberData(nameof(AccountAdministrationCases.NotAdministrators), MemberType = typeof(AccountAdministrationCases))]
    public async Task Only_administrators_reach_account_administration(string user)
    {
        var adminId = await AuditQueries.UserIdAsync(app.Services, AccessScenario.Admin);
        var client = await app.ClientForAsync(user);
        foreach (var page in new[] { "/admin/accounts", "/admin/accounts/new", $"/admin/accounts/{adminId}" })
            AssertRefused(await client.GetAsync(page));

        var token = await SignIn.AntiforgeryTokenAsync(client, "/");
        AssertRefused(await PostAsync(client, $"/admin/accounts/{adminId}?handler=Status", token, new() { ["Disable"] = "true", ["Version"] = "any" }));
        AssertRefused(await PostAsync(client, "/admin/accounts/new", token, new() { ["Email"] = "x@test.example", ["DisplayName"] = "X", ["Role"] = Roles.Admin }));
        Assert.Null(await FindAsync("x@test.example"));

        var admin = await app.ClientForAsync(AccessScenario.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/accounts/{adminId}")).StatusCode);
    }

    [Fact]
    public async Task A_created_account_signs_in_with_the_password_shown_once_and_its_last_sign_in_is_listed()
    {
        const string email = "new.manager@test.example";
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var token = await SignIn.AntiforgeryTokenAsync(admin, "/admin/accounts/new");
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var created = await PostAsync(admin, "/admin/accounts/new", token, new() { ["Email"] = email, ["DisplayName"] = "Nia Manager", ["Role"] = Roles.Manager });
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = WebUtility.HtmlDecode(CreatedPassword().Match(html).Groups[1].Value);
        Assert.Equal(16, password.Length);

        Assert.Contains(await RolesOfAsync(email), r => r == Roles.Manager);
        var audited = await AccountEntriesAfterAsync(before);
        var entry = Assert.Single(audited);
        Assert.Equal(("CreateAccount", await AuditQueries.UserIdAsync(app.Services, AccessScenario.Admin)), (entry.Action, entry.UserId));
        Assert.Equal(IroAppFactory.Now, entry.At);
        Assert.Contains(email, entry.NewValues, StringComparison.Ordinal);
        Assert.Contains("Never", RowOf(await admin.GetStringAsync("/admin/accounts"), email), StringComparison.Ordinal);

        var signedIn = await SignIn.PostSignInAsync(SignIn.NewClient(app), email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(IroAppFactory.Now.UtcDateTime, (await FindAsync(email))!.LastSignInUtc);
        Assert.Contains(IroAppFactory.Now.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), RowOf(await admin.GetStringAsync("/admin/accounts"), email), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_shows_the_error_summary_and_creates_nothing()
    {
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var token = await SignIn.AntiforgeryTokenAsync(admin, "/admin/accounts/new");
        var accounts = await CountAsync();

        var response = await PostAsync(admin, "/admin/accounts/new", token, new() { ["Email"] = "not-an-email", ["DisplayName"] = "", ["Role"] = "Owner" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the correct format", html, StringComparison.Ordinal);
        Assert.Contains("Enter the person&#x27;s name", html, StringComparison.Ordinal);
        Assert.Contains("Select a role", html, StringComparison.Ordinal);

        var iro = await PostAsync(admin, "/admin/accounts/new", token, new() { ["Email"] = "no.officer@test.example", ["DisplayName"] = "No Officer", ["Role"] = Roles.Iro });
        Assert.Contains("No IRO has the email", await iro.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(accounts, await CountAsync());
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_live_session_at_the_next_request_and_refuses_sign_in_until_enabled()
    {
        const string email = "to.disable@test.example";
        await CreateAsync(email, Roles.BusinessSupport);
        var user = await SignIn.AsAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/children/A1")).StatusCode);
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var disabled = await ChangeAsync(admin, email, "Status", new() { ["Disable"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/children/A1")).StatusCode);
        Assert.Contains(SignInModel.RefusedMessage, await (await SignIn.PostSignInAsync(SignIn.NewClient(app), email, AccessScenario.Password)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Disabled", RowOf(await admin.GetStringAsync("/admin/accounts"), email), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, email, "Status", new() { ["Disable"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(SignIn.NewClient(app), email, AccessScenario.Password)).StatusCode);
        Assert.Equal(DisabledThenEnabled, (await AccountEntriesAfterAsync(before)).Select(e => e.Action));
    }

    [Fact]
    public async Task Changing_the_role_ends_live_sessions_and_the_next_sign_in_has_the_new_role()
    {
        const string email = "analyst.to.manager@test.example";
        await CreateAsync(email, Roles.Analyst);
        var asAnalyst = await SignIn.AsAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await asAnalyst.GetAsync("/")).StatusCode);
        // Analysts see no child: the child is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await asAnalyst.GetAsync("/api/v1/children/A1")).StatusCode);
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, email, "Role", new() { ["Role"] = Roles.Manager })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await asAnalyst.GetAsync("/api/v1/children/A1")).StatusCode);
        var asManager = await SignIn.AsAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await asManager.GetAsync("/api/v1/children/A1")).StatusCode);
        Assert.Equal(Roles.Manager, Assert.Single(await RolesOfAsync(email)));
        var entry = Assert.Single(await AccountEntriesAfterAsync(before));
        Assert.Equal("ChangeRole", entry.Action);
        Assert.Contains("\"from\":\"Analyst\",\"to\":\"Manager\"", entry.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_drawn_before_another_change_is_refused_and_changes_nothing()
    {
        const string email = "stale@test.example";
        await CreateAsync(email, Roles.Analyst);
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var id = await AuditQueries.UserIdAsync(app.Services, email);
        var page = $"/admin/accounts/{id}";
        var token = await SignIn.AntiforgeryTokenAsync(admin, page);
        var staleVersion = (await FindAsync(email))!.ConcurrencyStamp!;
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, email, "Role", new() { ["Role"] = Roles.BusinessSupport })).StatusCode);

        var response = await PostAsync(admin, $"{page}?handler=Status", token, new() { ["Disable"] = "true", ["Version"] = staleVersion });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await FindAsync(email))!.Disabled);
    }

    [Fact]
    public async Task Clearing_a_lockout_lets_the_account_sign_in_again()
    {
        const string email = "locked@test.example";
        await CreateAsync(email, Roles.Analyst);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddYears(1));
        }

        var admin = await app.ClientForAsync(AccessScenario.Admin);
        Assert.Contains("Yes", RowOf(await admin.GetStringAsync("/admin/accounts"), email), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostSignInAsync(SignIn.NewClient(app), email, AccessScenario.Password)).StatusCode);
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(admin, email, "Lockout", new())).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(SignIn.NewClient(app), email, AccessScenario.Password)).StatusCode);
        Assert.Equal("ResetLockout", Assert.Single(await AccountEntriesAfterAsync(before)).Action);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var admin = await app.ClientForAsync(AccessScenario.Admin);
        var response = await ChangeAsync(admin, AccessScenario.Admin, "Status", new() { ["Disable"] = "true" });
        Assert.Contains("You cannot disable your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await FindAsync(AccessScenario.Admin))!.Disabled);
    }

    /// <summary>Posts one of the account page's forms, drawn now (so with the account's current version).</summary>
    private async Task<HttpResponseMessage> ChangeAsync(HttpClient admin, string email, string handler, Dictionary<string, string> fields)
    {
        var page = $"/admin/accounts/{await AuditQueries.UserIdAsync(app.Services, email)}";
        var token = await SignIn.AntiforgeryTokenAsync(admin, page);
        fields["Version"] = (await FindAsync(email))!.ConcurrencyStamp!;
        return await PostAsync(admin, $"{page}?handler={handler}", token, fields);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task CreateAsync(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserProvisioning>().CreateAsync(email, email, role, AccessScenario.Password, null, default);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private async Task<ApplicationUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email);
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Users.CountAsync();
    }

    private async Task<List<AuditEntry>> AccountEntriesAfterAsync(long after)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().AuditEntries
            .Where(e => e.Id > after && e.EntityType == AccountAdministrationService.EntityType).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The accounts table's row for one account.</summary>
    private static string RowOf(string html, string email)
    {
        var at = html.IndexOf(email, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{email} is not listed");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex("id=\"created-password\">([^<]+)<")]
    private static partial Regex CreatedPassword();
}

public static class AccountAdministrationCases
{
    public static TheoryData<string> NotAdministrators => new()
    {
        AccessScenario.Manager, AccessScenario.Support, AccessScenario.Analyst, AccessScenario.IroAda, AccessScenario.Coordinator,
    };
}

public sealed class AccountAdministrationSqliteTests(SqliteApp app) : AccountAdministrationTests<SqliteApp>(app);

public sealed class AccountAdministrationPostgresTests(PostgresApp app) : AccountAdministrationTests<PostgresApp>(app);
