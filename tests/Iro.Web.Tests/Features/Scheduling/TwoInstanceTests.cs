using System.Net;
using System.Net.Http.Headers;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Iro.Web.Tests.Features.Scheduling;

/// <summary>The access scenario on PostgreSQL, with no background work in the fixture's own host (the instances under test do it).</summary>
public sealed class TwoInstanceApp() : IroAppFactory(DatabaseProvider.Postgres)
{
    public string Staging { get; } = Directory.CreateTempSubdirectory("iro-staging-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:StagingPath", Staging);
        builder.ConfigureServices(services => services.RemoveAll<IHostedService>());
    }

    /// <summary>Another instance of the app on its own loopback port, over the same database and staging folder, running import jobs.</summary>
    public (WebApplicationFactory<Program> Instance, string Url) StartInstance()
    {
        var instance = WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Imports:PollSeconds", "1");
            builder.UseSetting("Imports:LeaseSeconds", "30");
            builder.ConfigureServices(services =>
            {
                services.AddHostedService<ImportJobRunner>();
                // A stopping instance waits this long for its running job, which here never lets go: it is as if the instance died.
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            });
        });
        instance.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        instance.StartServer();
        var url = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (instance, url);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}

/// <summary>
/// Two instances of the app on one PostgreSQL database behind a reverse proxy: a user signs in through one and
/// carries on through the other, and an import started on an instance that dies is finished by the other.
/// </summary>
public sealed class TwoInstanceTests(TwoInstanceApp app) : IClassFixture<TwoInstanceApp>
{
    [Fact]
    public async Task Sign_in_on_one_instance_carry_on_on_the_other_and_an_import_outlives_the_instance_that_started_it()
    {
        var (a, urlA) = app.StartInstance();
        var (b, urlB) = app.StartInstance();
        var returnDir = Ssda903TestSupport.TempDir();
        var year = CollectionYear.Parse("2024-25");
        Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(5, 21, year), returnDir, year);
        using var holdOnA = new CancellationTokenSource();
        var startedOnA = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Instance A takes the job and then hangs, ignoring every request to stop, until it is gone.
        a.Services.GetRequiredService<ImportJobHooks>().Starting = async (id, _) =>
        {
            startedOnA.TrySetResult(id);
            await Task.Delay(Timeout.Infinite, holdOnA.Token);
        };
        await using var proxy = await TestProxy.StartAsync(urlA, urlB);
        using var client = proxy.NewClient();
        try
        {
            // Sign in: the form from A, posted to B.
            proxy.Route(urlA);
            var signInToken = await SignIn.AntiforgeryTokenAsync(client, "/sign-in");
            proxy.Route(urlB);
            var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = AccessScenario.Manager, ["Password"] = AccessScenario.Password, ["__RequestVerificationToken"] = signInToken,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

            // The session works on A; the upload form from B is posted to A, which takes the job.
            proxy.Route(urlA);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ssda903")).StatusCode);
            proxy.Route(urlB);
            var uploadToken = await SignIn.AntiforgeryTokenAsync(client, "/ssda903");
            proxy.Route(urlA);
            var uploaded = await client.PostAsync("/ssda903", UploadForm(uploadToken, year.Name, Directory.GetFiles(returnDir)));
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            var status = uploaded.Headers.Location!.OriginalString;
            var id = await startedOnA.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.EndsWith(id.ToString(), status, StringComparison.Ordinal);

            // A dies mid-import; B shows the job still importing, then takes it over once A's claim has lapsed.
            await a.DisposeAsync();
            proxy.Route(urlB);
            Assert.Contains("id=\"import-state\">Importing</h1>", await client.GetStringAsync(status), StringComparison.Ordinal);
            app.Clock.Advance(TimeSpan.FromSeconds(31));
            var html = await Ssda903Uploads.WaitAsync(client, status);

            Assert.Contains("id=\"import-state\">Import complete</h1>", html, StringComparison.Ordinal);
            Assert.Matches("id=\"children-result\">\\d+ added, \\d+ updated", html);
            await using var db = Ssda903TestSupport.Open(app.Database);
            var job = await db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.Equal(ImportJobStatus.Imported, job.Status);
            Assert.Equal(2, job.Attempts);
            Assert.Equal(b.Services.GetRequiredService<Web.Features.Scheduling.InstanceIdentity>().Name, job.ClaimedBy);
            Assert.False(Directory.Exists(job.StagedDirectory));
        }
        finally
        {
            await b.DisposeAsync();
            Directory.Delete(returnDir, recursive: true);
        }
    }

    private static MultipartFormDataContent UploadForm(string token, string year, IEnumerable<string> files)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(year), "Year" } };
        foreach (var file in files)
        {
            var content = new ByteArrayContent(File.ReadAllBytes(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "Files", Path.GetFileName(file));
        }

        return form;
    }
}
