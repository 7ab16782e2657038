using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

public sealed class Ssda903UploadLimitSqliteTests(SqliteApp app) : Ssda903UploadLimitTests(app), IClassFixture<SqliteApp>;

public sealed class Ssda903UploadLimitPostgresTests(PostgresApp app) : Ssda903UploadLimitTests(app), IClassFixture<PostgresApp>;

/// <summary>Uploads over the configured limits, or with names nobody could mean, are refused clearly and nothing is staged.</summary>
public abstract class Ssda903UploadLimitTests(IroAppFactory app)
{
    private static readonly byte[] SmallCsv = Encoding.UTF8.GetBytes("CHILD,DOB,REVIEW,REVIEW_CODE\n1,10/05/2010,20/06/2017,PN1\n");

    /// <summary>Posts the upload form with file names exactly as given (a browser could send any bytes there).</summary>
    internal static async Task<HttpResponseMessage> PostFilesAsync(HttpClient client, string year, params (string Name, byte[] Content)[] files)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, "/ssda903");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year), "Year" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            // The name in the RFC 5987 form too, which carries any character (the plain form cannot carry NUL).
            part.Headers.TryAddWithoutValidation(
                "Content-Disposition", $"form-data; name=\"Files\"; filename=\"{name.Replace("\0", "", StringComparison.Ordinal)}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
            form.Add(part);
        }

        return await client.PostAsync("/ssda903", form);
    }

    private static async Task AssertNothingStagedOrQueuedAsync(UploadInstance instance)
    {
        Assert.Empty(await instance.StagedFoldersAfterJobsEndAsync());
        Assert.Equal(0, await instance.WithDbAsync(db => db.Set<ImportJobRecord>().CountAsync(j => j.StagedDirectory.StartsWith(instance.Staging))));
    }

    [Fact]
    public async Task Too_many_files_are_refused_with_a_clear_error_and_nothing_is_staged()
    {
        await using var instance = UploadInstance.Start(app, new Dictionary<string, string?> { ["Uploads:MaxFiles"] = "2" });
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var response = await PostFilesAsync(client, "2017-18", ("a.csv", SmallCsv), ("b.csv", SmallCsv), ("c.csv", SmallCsv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select at most 2 files", html, StringComparison.Ordinal);
        await AssertNothingStagedOrQueuedAsync(instance);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_clear_error_and_nothing_is_staged()
    {
        await using var instance = UploadInstance.Start(app, new Dictionary<string, string?> { ["Uploads:MaxFileBytes"] = "2048" });
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var large = SmallCsv.Concat(Enumerable.Repeat((byte)'\n', 4096)).ToArray();
        var response = await PostFilesAsync(client, "2017-18", ("reviews.csv", SmallCsv), ("episodes.csv", large));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("The selected file episodes.csv must be smaller than 2 KB", html, StringComparison.Ordinal);
        await AssertNothingStagedOrQueuedAsync(instance);
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused_with_413_before_it_is_read()
    {
        await using var instance = UploadInstance.Start(app, new Dictionary<string, string?> { ["Uploads:MaxRequestBytes"] = "8192" });
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var response = await PostFilesAsync(client, "2017-18", ("reviews.csv", new byte[10_000]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The files you selected are too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStagedOrQueuedAsync(instance);
    }

    [Theory]
    [InlineData("header\0.csv", "characters that cannot be typed")]
    [InlineData("long", "longer than 255 characters")]
    [InlineData("../../header.csv", "must not contain slashes")]
    [InlineData("..\\header.csv", "must not contain slashes")]
    [InlineData("a..csv", "two dots in a row")]
    public async Task An_odd_file_name_gives_a_clear_error_not_a_failure(string name, string message)
    {
        if (name == "long") name = new string('x', 296) + ".csv";
        await using var instance = UploadInstance.Start(app);
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var response = await PostFilesAsync(client, "2017-18", ("reviews.csv", SmallCsv), (name, SmallCsv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("The name of file 2", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        await AssertNothingStagedOrQueuedAsync(instance);
    }

    [Fact]
    public async Task A_deeply_nested_xml_return_is_refused_with_the_reason_and_its_files_are_deleted()
    {
        await using var instance = UploadInstance.Start(app);
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var xml = new StringBuilder("<EXPSSDA903><CHILD>");
        for (var i = 0; i < 200_000; i++) xml.Append("<A>");
        for (var i = 0; i < 200_000; i++) xml.Append("</A>");
        xml.Append("</CHILD></EXPSSDA903>");
        var response = await PostFilesAsync(client, "2017-18", ("return.xml", Encoding.UTF8.GetBytes(xml.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await Ssda903Uploads.WaitAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("Not imported: the return has errors", html, StringComparison.Ordinal);
        Assert.Contains("READ-XML-DEPTH", html, StringComparison.Ordinal);
        Assert.Contains($"more than {Ssda903Reader.MaxXmlDepth} deep", html, StringComparison.Ordinal);
        Assert.Empty(await instance.StagedFoldersAfterJobsEndAsync());
    }

    [Fact]
    public async Task Findings_name_the_files_as_uploaded_though_they_are_staged_under_other_names()
    {
        await using var instance = UploadInstance.Start(app);
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var dir = Ssda903TestSupport.TempDir();
        try
        {
            var year = CollectionYear.Parse("2017-18");
            Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(3, 7, year), dir, year);
            var header = Path.Combine(dir, "header.csv");
            var lines = File.ReadAllLines(header);
            var cells = lines[1].Split(',');
            cells[2] = "31/02/2010";
            lines[1] = string.Join(',', cells);
            File.WriteAllLines(header, lines);
            var files = Directory.GetFiles(dir).Select(f => ("my " + Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();

            var response = await PostFilesAsync(client, "2017-18", files);
            var html = await Ssda903Uploads.WaitAsync(client, response.Headers.Location!.OriginalString);
            Assert.Contains("Header (my header.csv)", html, StringComparison.Ordinal);
            Assert.Empty(await instance.StagedFoldersAfterJobsEndAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
