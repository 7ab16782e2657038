using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Iro.Web.Tests.Features.Scheduling;

/// <summary>
/// A reverse proxy (YARP, in this process) in front of several instances, on a loopback port, sending every
/// request to the instance chosen with <see cref="Route"/>. It stands in for the council's TLS proxy: requests
/// reach the app marked as HTTPS by X-Forwarded-Proto.
/// </summary>
public sealed class TestProxy : IAsyncDisposable
{
    private readonly WebApplication _proxy;
    private volatile string _current;

    private TestProxy(WebApplication proxy, string first)
    {
        _proxy = proxy;
        _current = first;
    }

    public string Url { get; private set; } = "";

    public static async Task<TestProxy> StartAsync(params string[] instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "iro", Match = new RouteMatch { Path = "{**path}" } }],
            [new ClusterConfig { ClusterId = "iro", Destinations = instances.ToDictionary(url => url, url => new DestinationConfig { Address = url }) }]);
        var app = builder.Build();
        var proxy = new TestProxy(app, instances[0]);
        app.Use((context, next) =>
        {
            context.Request.Scheme = "https";
            return next(context);
        });
        app.MapReverseProxy(pipeline => pipeline.Use((context, next) =>
        {
            var feature = context.GetReverseProxyFeature();
            feature.AvailableDestinations = [.. feature.AllDestinations.Where(d => d.DestinationId == proxy._current)];
            return next();
        }));
        await app.StartAsync();
        proxy.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return proxy;
    }

    public void Route(string instance) => _current = instance;

    /// <summary>A client of the proxy that keeps its cookies itself: they are Secure, and the hop to the proxy is plain HTTP.</summary>
    public HttpClient NewClient() => new(new CookieJar { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
    {
        BaseAddress = new Uri(Url),
    };

    public async ValueTask DisposeAsync() => await _proxy.DisposeAsync();

    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';', 2)[0].Split('=', 2);
                if (pair.Length == 2) _cookies[pair[0].Trim()] = pair[1].Trim();
            }

            return response;
        }
    }
}
