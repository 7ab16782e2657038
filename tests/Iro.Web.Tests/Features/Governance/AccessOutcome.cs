using System.Net;

namespace Iro.Web.Tests.Features.Governance;

/// <summary>What a service-level page did with a request: shown, or refused the app's way (sent to the access-denied page).</summary>
internal static class AccessOutcome
{
    public static string Of(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "allowed",
        HttpStatusCode.Redirect when response.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString).StartsWith("/access-denied", StringComparison.Ordinal) => "refused",
        var status => status.ToString(),
    };
}
