using System.Net;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Outside Development: the scheme a proxy reports is believed only from a known proxy (loopback by default), HSTS
/// is sent on HTTPS responses, and the session cookie is Secure even when the request reached the app over plain HTTP.
/// </summary>
public sealed class TransportSecurityTests(ProductionLikeApp app) : IClassFixture<ProductionLikeApp>
{
    /// <summary>Not localhost: browsers and the HSTS middleware ignore HSTS for local hosts.</summary>
    private const string PublicHttp = "http://iro.council.example";

    [Fact]
    public async Task Forwarded_proto_is_honoured_from_a_known_proxy_only()
    {
        var viaProxy = app.ClientFrom("127.0.0.1", PublicHttp);
        var direct = app.ClientFrom("203.0.113.7", PublicHttp);

        using var proxied = await GetForwardedAsHttpsAsync(viaProxy);
        using var spoofed = await GetForwardedAsHttpsAsync(direct);

        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"), "a request the loopback proxy says came over HTTPS is HTTPS");
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"), "a client cannot claim HTTPS for itself");
    }

    [Fact]
    public async Task Https_responses_carry_hsts()
    {
        var client = app.ClientFrom("203.0.113.8", "https://iro.council.example");

        using var response = await client.GetAsync("/sign-in");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_even_over_plain_http()
    {
        var client = app.ClientFrom("127.0.0.1", "http://localhost", handleCookies: false);
        using var form = await client.GetAsync("/sign-in");
        var antiforgery = CookiesNamed(form, "iro.antiforgery").Single();
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = AccessScenario.Support,
                ["Password"] = AccessScenario.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = CookiesNamed(signedIn, "iro.auth").Single();
        Assert.Contains("secure", session.Split(';').Select(a => a.Trim().ToLowerInvariant()));
        Assert.Contains("httponly", session.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_over_https()
    {
        var client = app.ClientFrom("127.0.0.1", "https://localhost", handleCookies: false);

        using var form = await client.GetAsync("/sign-in");

        var antiforgery = CookiesNamed(form, "iro.antiforgery").Single();
        Assert.Contains("secure", antiforgery.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    private static Task<HttpResponseMessage> GetForwardedAsHttpsAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        return client.SendAsync(request);
    }

    private static IEnumerable<string> CookiesNamed(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            : [];
}
