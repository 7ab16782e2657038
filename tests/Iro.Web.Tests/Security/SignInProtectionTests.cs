using System.Net;
using Iro.Web.Features.Account;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Sign-in gives nothing away and cannot be hammered: an unknown account costs a password-hash verification like
/// a known one, and attempts are limited per client address and per account name (the default limits).
/// </summary>
public sealed class SignInProtectionTests(ProductionLikeApp app) : IClassFixture<ProductionLikeApp>
{
    private static readonly AuthenticationSettings Defaults = new();

    [Fact]
    public async Task An_unknown_account_runs_the_password_hasher_like_a_known_one()
    {
        var client = app.ClientFrom("192.0.2.1");
        await SignIn.PostSignInAsync(client, AccessScenario.Support, "not-the-password");
        var beforeUnknown = app.Hasher.Verifications;

        var response = await SignIn.PostSignInAsync(client, "nobody-at-all@test.example", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, app.Hasher.Verifications - beforeUnknown);
    }

    [Fact]
    public async Task The_attempt_past_the_per_client_limit_in_a_minute_gets_429()
    {
        var client = app.ClientFrom("192.0.2.2");
        for (var i = 0; i < Defaults.SignInAttemptsPerClientPerMinute; i++)
        {
            using var allowed = await SignIn.PostSignInAsync(client, $"guess{i}@test.example", "not-the-password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignIn.PostSignInAsync(client, "guess-next@test.example", "not-the-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "429 says when to try again");
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var elsewhere = app.ClientFrom("192.0.2.3");
        using var otherClient = await SignIn.PostSignInAsync(elsewhere, "guess-next@test.example", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task The_attempt_past_the_per_account_limit_in_a_minute_gets_429_from_any_client()
    {
        const string account = "Coordinator@Test.Example";
        for (var i = 0; i < Defaults.SignInAttemptsPerAccountPerMinute; i++)
        {
            using var allowed = await SignIn.PostSignInAsync(app.ClientFrom($"198.51.100.{i + 1}"), account, "wrong-" + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignIn.PostSignInAsync(app.ClientFrom("198.51.100.200"), account.ToLowerInvariant(), AccessScenario.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(SignInModel.TooManyAttemptsMessage, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_sign_in_form_is_not_limited()
    {
        var client = app.ClientFrom("192.0.2.4");
        for (var i = 0; i <= Defaults.SignInAttemptsPerClientPerMinute; i++)
        {
            using var form = await client.GetAsync("/sign-in");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }
    }
}
