using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Security;

/// <summary>Responses that may carry personal data are never stored by a browser or a proxy; static assets may be.</summary>
public sealed class NoStoreTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/children/A1")]
    [InlineData("/api/v1/children/A1")]
    [InlineData("/reviews/due?handler=csv")]
    [InlineData("/children/NOSUCH")]
    public async Task Responses_with_personal_data_say_no_store(string path)
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);

        using var response = await client.GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task The_sign_in_page_says_no_store_and_stylesheets_may_be_cached()
    {
        var client = SignIn.NewClient(app);

        using var signIn = await client.GetAsync("/sign-in");
        using var stylesheet = await client.GetAsync("/css/site.css");

        Assert.True(signIn.Headers.CacheControl?.NoStore);
        Assert.True(stylesheet.IsSuccessStatusCode);
        Assert.NotEqual(true, stylesheet.Headers.CacheControl?.NoStore);
    }
}
