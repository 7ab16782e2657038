using System.Net;
using System.Net.Http.Headers;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>Uploads a 903 return through the page's real form and follows its status page, as a browser would.</summary>
internal static class Ssda903Uploads
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string year, IEnumerable<string> files)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, "/ssda903");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year), "Year" },
        };
        foreach (var file in files)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "Files", Path.GetFileName(file));
        }

        return await client.PostAsync("/ssda903", form);
    }

    /// <summary>Follows the status page (it refreshes itself) until the import has finished.</summary>
    public static async Task<string> WaitAsync(HttpClient client, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var html = await client.GetStringAsync(status);
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)) return html;
            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish within a minute.");
    }

    public static async Task<string> UploadAndWaitAsync(HttpClient client, string year, IEnumerable<string> files)
    {
        var response = await UploadAsync(client, year, files);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await WaitAsync(client, response.Headers.Location!.OriginalString);
    }
}
