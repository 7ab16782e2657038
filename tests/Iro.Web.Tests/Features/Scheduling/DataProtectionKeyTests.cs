using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Iro.Web.Data;
using Iro.Web.Tests.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Scheduling;

public sealed class SharedKeysSqliteTests(SqliteApp app) : SharedKeysTests(app), IClassFixture<SqliteApp>;

public sealed class SharedKeysPostgresTests(PostgresApp app) : SharedKeysTests(app), IClassFixture<PostgresApp>;

/// <summary>Two instances on one database share the data-protection keys: each reads the other's cookies and antiforgery tokens.</summary>
public abstract class SharedKeysTests(IroAppFactory app)
{
    [Fact]
    public async Task A_form_from_one_instance_is_accepted_by_the_other_and_the_session_it_starts_works_on_both()
    {
        await using var other = app.WithWebHostBuilder(_ => { });
        var cookies = new System.Net.CookieContainer();
        using var first = app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        using var second = other.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        var token = await SignIn.AntiforgeryTokenAsync(first, "/sign-in");
        var signedIn = await SignIn.PostSignInAsync(second, AccessScenario.Manager, AccessScenario.Password, token);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var client in new[] { first, second })
        {
            var page = await client.GetAsync("/ssda903");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await using var db = Ssda903TestSupport.Open(app.Database);
        Assert.NotEmpty(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
    }
}

/// <summary>An empty database whose instances encrypt the key ring with a certificate from a PFX file.</summary>
public sealed class CertificateKeysApp : IroAppFactory
{
    private const string Password = "test-certificate-password";
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"iro-keys-{Guid.NewGuid():N}.pfx");

    public CertificateKeysApp() : base(DatabaseProvider.Sqlite)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=iro-keys-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, Password));
    }

    protected override Task SeedAsync(IServiceProvider services) => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:CertificatePath", _certificate);
        builder.UseSetting("DataProtection:CertificatePassword", Password);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        File.Delete(_certificate);
    }
}

public sealed class CertificateKeysTests(CertificateKeysApp app) : IClassFixture<CertificateKeysApp>
{
    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_another_instance_with_it_can_use_them()
    {
        var cookies = new System.Net.CookieContainer();
        using var first = app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var token = await SignIn.AntiforgeryTokenAsync(first, "/sign-in");

        await using (var db = Ssda903TestSupport.Open(app.Database))
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            });
        }

        // A second instance decrypts the stored key to check the first one's antiforgery token (a bad token would be 400).
        await using var other = app.WithWebHostBuilder(_ => { });
        using var second = other.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var refused = await SignIn.PostSignInAsync(second, "nobody@example.org", "not the password", token);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("govuk-error-summary", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
