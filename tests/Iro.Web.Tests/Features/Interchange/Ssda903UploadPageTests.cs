using System.Net;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

public sealed class Ssda903UploadPageSqliteTests(SqliteApp app) : Ssda903UploadPageTests(app), IClassFixture<SqliteApp>;

public sealed class Ssda903UploadPagePostgresTests(PostgresApp app) : Ssda903UploadPageTests(app), IClassFixture<PostgresApp>;

/// <summary>The upload page: managers import with progress and a result; findings block a bad return; others are kept out.</summary>
public abstract class Ssda903UploadPageTests(IroAppFactory app)
{
    private static readonly string[] FakeFiles = ["header.csv", "episodes.csv", "reviews.csv"];

    [Fact]
    public async Task A_manager_uploads_a_valid_return_sees_progress_then_the_result_and_the_import_record()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var dir = Ssda903TestSupport.TempDir();
        try
        {
            var year = CollectionYear.Parse("2024-25");
            Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(25, 21, year), dir, year);
            var response = await Ssda903Uploads.UploadAsync(client, "2024-25", Directory.GetFiles(dir));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var status = response.Headers.Location!.OriginalString;
            Assert.Matches("^/ssda903/imports/[0-9a-f-]{36}$", status);

            var html = await client.GetStringAsync(status);
            // Either still running (a refreshing page with the stage) or already finished.
            Assert.True(
                html.Contains("Import complete", StringComparison.Ordinal)
                || (html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)
                    && (html.Contains("Waiting to start", StringComparison.Ordinal) || html.Contains("Reading the files", StringComparison.Ordinal)
                        || html.Contains("Validating", StringComparison.Ordinal) || html.Contains("rows processed", StringComparison.Ordinal))),
                html);
            html = await Ssda903Uploads.WaitAsync(client, status);
            Assert.Contains("Import complete", html, StringComparison.Ordinal);
            // Synthetic returns reuse child ids, so other tests in the fixture may have added some of these children.
            Assert.Matches("id=\"children-result\">\\d+ added, \\d+ updated", html);
            Assert.Equal(25, await ChildrenWithIdsAsync(dir));
            Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);

            var page = await client.GetStringAsync("/ssda903");
            Assert.Matches("History in the service starts on 1 April 20(17|24)", page);
            Assert.Contains("episodes.csv", page, StringComparison.Ordinal);

            var zip = await client.GetAsync("/ssda903?handler=Export&year=2024-25");
            Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
            using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
            Assert.Contains(archive.Entries, e => e.Name == "reviews.csv");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_upload_shows_the_findings_and_writes_nothing()
    {
        var client = await app.ClientForAsync(AccessScenario.Admin);
        var before = await ChildCountAsync();
        var files = FakeFiles.Select(f => Path.Combine(Ssda903TestSupport.FakeDataDir, f)).ToArray();
        var response = await Ssda903Uploads.UploadAsync(client, "2017-18", files);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = await Ssda903Uploads.WaitAsync(client, response.Headers.Location!.OriginalString);

        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header\">Rule</th>", html, StringComparison.Ordinal);
        Assert.Contains("Episodes (episodes.csv)", html, StringComparison.Ordinal);
        Assert.Equal(before, await ChildCountAsync());
    }

    [Fact]
    public async Task A_warnings_only_upload_waits_for_acceptance()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var dir = Ssda903TestSupport.TempDir();
        try
        {
            var year = CollectionYear.Parse("2017-18");
            Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(8, 31, year), dir, year);
            File.Copy(Path.Combine(dir, "header.csv"), Path.Combine(dir, "zz_header_copy.csv"));
            var before = await ChildCountAsync();
            var response = await Ssda903Uploads.UploadAsync(client, "2017-18", Directory.GetFiles(dir));
            var status = response.Headers.Location!.OriginalString;
            var html = await Ssda903Uploads.WaitAsync(client, status);
            Assert.Contains("Accept warnings and import", html, StringComparison.Ordinal);
            Assert.Equal(before, await ChildCountAsync());

            var token = await SignIn.AntiforgeryTokenAsync(client, status);
            var accepted = await client.PostAsync(status + "?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            html = await Ssda903Uploads.WaitAsync(client, status);
            Assert.Contains("Import complete", html, StringComparison.Ordinal);
            Assert.Equal(8, await ChildrenWithIdsAsync(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_year_and_files_show_the_error_summary()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/ssda903");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(""), "Year" } };
        var response = await client.PostAsync("/ssda903", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Select the collection year of the return", html, StringComparison.Ordinal);
        Assert.Contains("Select the return&#x27;s CSV files or its XML file", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccessScenario.IroAda)]
    [InlineData(AccessScenario.Analyst)]
    [InlineData(AccessScenario.Support)]
    public async Task Other_roles_cannot_reach_the_page(string email)
    {
        var client = await app.ClientForAsync(email);
        foreach (var url in new[] { "/ssda903", "/ssda903?handler=Export&year=2024-25", $"/ssda903/imports/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        using var form = new MultipartFormDataContent { { new StringContent("2017-18"), "Year" } };
        var post = await client.PostAsync("/ssda903", form);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.DoesNotContain("/ssda903/imports/", post.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private async Task<int> ChildrenWithIdsAsync(string dir)
    {
        var ids = Ssda903Reader.ReadDirectory(dir, CollectionYear.Parse("2017-18")).Return.Header.Select(h => h.Child).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Children.CountAsync(c => ids.Contains(c.LocalId));
    }

    private async Task<int> ChildCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Children.CountAsync();
    }
}
