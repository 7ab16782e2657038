using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Iro.Web.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
public static partial class SignIn
{
    /// <summary>Over HTTPS, as in production: the app's cookies are Secure outside Development.</summary>
    public static HttpClient NewClient(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    public static async Task<HttpClient> AsAsync(WebApplicationFactory<Program> app, string email, string password = AccessScenario.Password)
    {
        var client = NewClient(app);
        var response = await PostSignInAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password) =>
        await PostSignInAsync(client, email, password, await AntiforgeryTokenAsync(client, "/sign-in"));

    /// <summary>Posts the sign-in form with a token taken earlier (perhaps from another instance).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string token)
    {
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
