using System.Net;
using Iro.Web.Features.Account;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features;

public sealed class SignInTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Wrong_password_shows_the_error_summary_and_does_not_sign_in()
    {
        var client = SignIn.NewClient(app);
        var response = await SignIn.PostSignInAsync(client, AccessScenario.Support, "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/children")).StatusCode);
    }

    [Fact]
    public async Task Blank_fields_are_reported_for_each_field()
    {
        var client = SignIn.NewClient(app);
        var response = await SignIn.PostSignInAsync(client, "", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Email\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_gets_the_same_message_as_a_wrong_password_even_with_the_right_password()
    {
        var client = SignIn.NewClient(app);
        for (var i = 0; i < 5; i++) await SignIn.PostSignInAsync(client, AccessScenario.Admin, "wrong-password-" + i);

        var response = await SignIn.PostSignInAsync(client, AccessScenario.Admin, AccessScenario.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(SignInModel.RefusedMessage, html, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/children")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_message_as_a_wrong_password()
    {
        var client = SignIn.NewClient(app);

        var response = await SignIn.PostSignInAsync(client, "nobody@test.example", AccessScenario.Password);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(SignInModel.RefusedMessage, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var client = SignIn.NewClient(app);
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AccessScenario.Manager,
            ["Password"] = AccessScenario.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Iro.Web.Data.IroDbContext>();
        var hashes = db.Users.Select(u => u.PasswordHash).ToList();
        Assert.NotEmpty(hashes);
        Assert.All(hashes, h => Assert.DoesNotContain(AccessScenario.Password, h!, StringComparison.Ordinal));
    }
}
