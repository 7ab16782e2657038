using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iro.Browser.Tests;

/// <summary>
/// The app on a real Kestrel port over SQLite, and Debian's Chromium driven by Playwright.
/// Browsers are never downloaded: the system Chromium is launched by path.
/// </summary>
public sealed class BrowserApp : IroAppFactory
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // One Chromium for the whole run: launching it (and Playwright's driver) for every class is slow, and each
    // test still gets its own browser context, so no cookies or storage are shared.
    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(LaunchAsync);

    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];

    // Kestrel binds loopback port 0 itself. UseKestrel(port) would rewrite the server addresses after the app
    // has started binding, which races with Kestrel and can fail the fixture.
    public BrowserApp() : base(DatabaseProvider.Sqlite) =>
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override bool StartsFromSeededTemplate => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        Browser = await SharedBrowser.Value;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}; the README's test command installs it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // Bounded, so a driver that has already gone cannot hold up the end of the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Task.Run(async () =>
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }).Wait(TimeSpan.FromSeconds(10));
        return browser;
    }

    /// <summary>Closes the contexts this class's tests opened: the browser outlives the class.</summary>
    protected override async Task DisposeFixtureAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await base.DisposeFixtureAsync();
    }

    /// <summary>
    /// A fresh browser context (own cookies). Timeouts are generous because the suite shares two cores with
    /// the other test projects; waits are for the document, not for every sub-resource.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        _contexts.Add(context);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>
    /// Waits until the page shows <paramref name="url"/> (a glob: ** any characters, * any but '/'). The URL is
    /// polled rather than waiting for load events, which after a form post and redirect can be missed; the
    /// locators used next wait for their elements.
    /// </summary>
    public static Task WaitForPageAsync(IPage page, string url) =>
        WaitForPageAsync(page, new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(url).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$"));

    public static Task WaitForPageAsync(IPage page, System.Text.RegularExpressions.Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new PageAssertionsToHaveURLOptions { Timeout = 90_000 });

    /// <summary>A fresh browser context signed in through the real form.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = AccessScenario.Password)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForPageAsync(page, BaseUrl.TrimEnd('/') + "/");
        return page;
    }
}
