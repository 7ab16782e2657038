using System.Net;
using System.Text.RegularExpressions;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Iro.Web.Features.AccountAdministration;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Security.OrganisationSignIn;

/// <summary>
/// Signing in through a real OpenID Connect provider: the browser's journey is followed redirect by redirect
/// across the app and the provider, each with its own cookies. Each test signs in a different person.
/// </summary>
public abstract partial class OrganisationSignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrganisationSignInApp
{
    private const string ChildApi = "/api/v1/children/A1";

    [Fact]
    public async Task A_person_in_a_mapped_group_gets_an_account_with_the_mapped_role_and_a_server_side_session()
    {
        var person = OrganisationSignInApp.NewManager;
        var before = await AuditQueries.LastAuditIdAsync(app.Services);

        var (client, response, at) = await SignInThroughProviderAsync(person);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", at.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ChildApi)).StatusCode);
        var account = await AccountAsync(person.Email);
        Assert.Equal(person.ObjectId, account.ExternalObjectId);
        Assert.Null(account.PasswordHash);
        Assert.NotNull(account.LastSignInUtc);
        Assert.Equal(Roles.Manager, Assert.Single(await RolesOfAsync(person.Email)));
        Assert.True(await HasSessionAsync(account.Id));
        await using var scope = app.Services.CreateAsyncScope();
        var provisioned = await scope.ServiceProvider.GetRequiredService<IroDbContext>().AuditEntries
            .Where(e => e.Id > before && e.EntityType == AccountAdministrationService.EntityType).SingleAsync();
        Assert.Equal(("ProvisionAccount", account.Id), (provisioned.Action, provisioned.EntityKey));
    }

    [Fact]
    public async Task An_existing_account_is_matched_by_email_keeps_its_own_role_and_is_then_known_by_object_id()
    {
        var person = OrganisationSignInApp.ExistingSupport;

        var (client, response, _) = await SignInThroughProviderAsync(person);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ChildApi)).StatusCode);
        Assert.Equal(person.ObjectId, (await AccountAsync(person.Email)).ExternalObjectId);
        Assert.Equal(Roles.BusinessSupport, Assert.Single(await RolesOfAsync(person.Email)));
    }

    [Fact]
    public async Task A_person_with_no_account_and_no_mapped_group_is_refused()
    {
        var (client, response, _) = await SignInThroughProviderAsync(OrganisationSignInApp.Stranger);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("There is no account for you in this service", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ChildApi)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IroDbContext>().Users.AnyAsync(u => u.Email == OrganisationSignInApp.Stranger.Email));
    }

    [Fact]
    public async Task A_disabled_account_is_refused_even_when_its_group_is_mapped()
    {
        var person = OrganisationSignInApp.Disabled;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserProvisioning>().CreateAsync(person.Email, person.Name, Roles.Analyst, null, null, default);
            Assert.True(created.Succeeded);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(person.Email);
            user!.Disabled = true;
            await users.UpdateAsync(user);
        }

        var (client, response, _) = await SignInThroughProviderAsync(person);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Your account in this service has been disabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ChildApi)).StatusCode);
        var account = await AccountAsync(person.Email);
        Assert.False(await HasSessionAsync(account.Id));
        Assert.Null(account.LastSignInUtc);
    }

    [Fact]
    public async Task With_local_passwords_off_the_sign_in_page_offers_only_the_organisation_and_refuses_a_correct_password()
    {
        var page = await SignIn.NewClient(app).GetStringAsync("/sign-in");
        Assert.Contains("Sign in with your organisation account", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);

        // A valid antiforgery token needs a form: the signed-in layout's sign-out form has one.
        var (client, _, _) = await SignInThroughProviderAsync(OrganisationSignInApp.ExistingSupport);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/");
        var manager = await AccountAsync(AccessScenario.Manager);

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AccessScenario.Manager,
            ["Password"] = AccessScenario.Password,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(SignInModel.LocalPasswordsOffMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await HasSessionAsync(manager.Id));
        Assert.Null((await AccountAsync(AccessScenario.Manager)).LastSignInUtc);
    }

    /// <summary>
    /// Follows the redirects of an organisation sign-in from the app's sign-in link through the provider and back,
    /// as a browser would: the app's client for the app, a client with its own cookie jar for the provider (where
    /// the person has already signed in). Returns the app's client, the last response and where it came from.
    /// </summary>
    private async Task<(HttpClient App, HttpResponseMessage Response, Uri At)> SignInThroughProviderAsync(OrganisationPerson person)
    {
        var appClient = SignIn.NewClient(app);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var provider = new HttpClient(handler);
        (await provider.GetAsync(new Uri(app.Provider.Authority, $"login?as={person.ObjectId}"))).EnsureSuccessStatusCode();

        var at = new Uri(appClient.BaseAddress!, "/sign-in/organisation");
        for (var hop = 0; hop < 10; hop++)
        {
            var client = at.Host == appClient.BaseAddress!.Host ? appClient : provider;
            var response = await client.GetAsync(at);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                // Signed in, the app's page moves the browser on by itself (a meta refresh): follow it too.
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || RefreshTo().Match(html) is not { Success: true } refresh) return (appClient, response, at);
                at = new Uri(at, WebUtility.HtmlDecode(refresh.Groups[1].Value));
                continue;
            }

            at = new Uri(at, response.Headers.Location!);
        }

        throw new InvalidOperationException("Sign-in went round in circles.");
    }

    [GeneratedRegex("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"")]
    private static partial Regex RefreshTo();

    private async Task<ApplicationUser> AccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<bool> HasSessionAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().UserSessions.AnyAsync(s => s.UserId == userId);
    }
}

public sealed class OrganisationSignInSqliteTests(SqliteOrganisationSignInApp app) : OrganisationSignInTests<SqliteOrganisationSignInApp>(app);

public sealed class OrganisationSignInPostgresTests(PostgresOrganisationSignInApp app) : OrganisationSignInTests<PostgresOrganisationSignInApp>(app);
