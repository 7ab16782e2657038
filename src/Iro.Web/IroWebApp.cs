using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Security;
using Iro.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;

namespace Iro.Web;

/// <summary>Builds the web application: services, security and the request pipeline.</summary>
public static class IroWebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? configOverrides = null)
    {
        var builder = WebApplication.CreateBuilder(Options(args));
        if (configOverrides is not null) builder.Configuration.AddInMemoryCollection(configOverrides);
        AddServices(builder.Services, builder.Configuration);
        AddPageServices(builder.Services);
        return builder;
    }

    /// <summary>
    /// The host of a command-line verb: the same configuration sources and the same services as the app, less what
    /// only serving requests needs (Razor Pages, antiforgery, Kestrel's full set-up) and without watching the
    /// settings files for changes, which a process that ends in a second never sees. Both are most of a verb's
    /// start-up after the runtime's own.
    /// </summary>
    public static WebApplicationBuilder CreateCommandLineBuilder(IDictionary<string, string?>? configOverrides)
    {
        var builder = WebApplication.CreateSlimBuilder(Options(["--hostBuilder:reloadConfigOnChange=false"]));
        if (configOverrides is not null) builder.Configuration.AddInMemoryCollection(configOverrides);
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    private static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        // The pages are compiled into this assembly, whichever process hosts it (the iro command or a test host).
        ApplicationName = typeof(IroWebApp).Assembly.GetName().Name,
        ContentRootPath = ContentRoot.Find(),
    };

    /// <summary>Services of every host, the command line's included.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIroDatabase(configuration);
        services.AddIroDataProtection(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUserAccessor>();
        services.AddScoped<ChildContext>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<Audit.AuditLog>();
        services.AddSingleton<Audit.ReadAuditWriter>();
        services.AddSingleton<VersionedResults>();
        services.AddAccounts();
        services.AddChildren();
        services.AddOfficers();
        services.AddTimetable(configuration);
        services.AddReviews(configuration);
        services.AddOversight(configuration);
        services.AddEscalations(configuration);
        services.AddAnnualReport(configuration);
        services.AddInterchange();
        services.AddDemo();
        services.AddReporting();
        services.AddCaseloads(configuration);
        services.AddAllocations(configuration);
        services.AddMyIro(configuration);
        services.AddAdvocacyAndVisitors(configuration);
        services.AddVoiceRecords(configuration);
        services.AddDrift();
        services.AddScheduledWork();
        services.AddGovernance(configuration);

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                // NCSC guidance: a minimum length and a deny-list of common passwords, not composition rules.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<IroDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "iro.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // APIs answer 401/403 rather than redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddSessionsAndSignIn(configuration);
        services.AddOrganisationSignIn(configuration);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();

        services.AddInputLimits();
        Operations.Health.HealthEndpoints.AddIroHealthChecks(services);
        Operations.Telemetry.TelemetrySetup.AddIroTelemetry(services, configuration);
        services.AddProblemDetails();
    }

    /// <summary>Services only a host that serves pages needs.</summary>
    private static void AddPageServices(IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Shared/Error");
        });
        services.AddAntiforgery(o => o.Cookie.Name = "iro.antiforgery");
    }

    public static WebApplication Build(string[] args) => Configure(CreateBuilder(args).Build());

    public static WebApplication Configure(WebApplication app)
    {
        app.UseTransportSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        var govuk = Path.Combine(app.Environment.ContentRootPath, "node_modules", "govuk-frontend", "dist", "govuk");
        if (Directory.Exists(govuk))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(govuk, "assets")), RequestPath = "/assets" });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(govuk), RequestPath = "/govuk" });
        }

        // Everything past the static assets may carry a child's personal data (pages, JSON, CSV, letters):
        // no browser or proxy may keep a copy.
        app.Use((context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return next(context);
        });
        app.UseRouting();
        app.UsePageMethodsOnly();
        app.UseSignInRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ChildContextMiddleware>();
        Operations.Health.HealthEndpoints.MapIroHealthChecks(app);
        app.MapRazorPages();
        Features.Api.ChildApi.Map(app);
        Features.Escalations.EscalationSummaryApi.Map(app);
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Finds the app's content root whether run from source, from the build output or by tests.</summary>
internal static class ContentRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Iro.Web.csproj"))) return dir.FullName;
                var nested = Path.Combine(dir.FullName, "src", "Iro.Web");
                if (File.Exists(Path.Combine(nested, "Iro.Web.csproj"))) return nested;
            }
        }

        return AppContext.BaseDirectory;
    }
}
