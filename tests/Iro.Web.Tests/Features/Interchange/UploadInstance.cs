using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>
/// Another instance of the app over the fixture's database (as after a restart), staging uploads in a folder of
/// its own so a test can see exactly what was staged, with any other settings the test needs.
/// </summary>
internal sealed class UploadInstance : IAsyncDisposable
{
    private UploadInstance(WebApplicationFactory<Program> app, string staging)
    {
        App = app;
        Staging = staging;
    }

    public WebApplicationFactory<Program> App { get; }
    public string Staging { get; }

    public static UploadInstance Start(IroAppFactory fixture, IDictionary<string, string?>? settings = null, string? staging = null)
    {
        staging ??= Ssda903TestSupport.TempDir();
        var app = fixture.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Uploads:StagingPath", staging);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        });
        // Starting the host runs the start-up work (recovering jobs a stopped server left behind).
        _ = app.Services;
        return new UploadInstance(app, staging);
    }

    public Task<HttpClient> ClientForAsync(string email) => SignIn.AsAsync(App, email);

    /// <summary>The folders staged for imports and not yet deleted.</summary>
    public string[] StagedFolders() => Directory.Exists(Staging) ? Directory.GetDirectories(Staging) : [];

    /// <summary>
    /// The staged folders left once a finished job has had time to remove its own: the runner removes them just after
    /// recording the job's outcome, which a status page may already show.
    /// </summary>
    public async Task<string[]> StagedFoldersAfterJobsEndAsync()
    {
        for (var wait = 0; wait < 100 && StagedFolders().Length > 0; wait++)
            await Task.Delay(100);
        return StagedFolders();
    }

    public async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IroDbContext>());
    }

    public Task<string> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
