using Iro.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Iro.Web.Operations.Health;

/// <summary>
/// Health endpoints for load balancers and orchestrators, open without signing in. They answer only "Healthy"
/// or "Unhealthy" (503): no check names, exceptions or versions.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddIroHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<IroDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [Ready]);
        return services;
    }

    public static void MapIroHealthChecks(this WebApplication app)
    {
        // /health is the original address (database reachable); /health/ready adds the migrations check.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == "database" }).AllowAnonymous();
        // Live: the process answers requests; no dependency is checked, so a database outage does not restart it.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }
}

/// <summary>Unhealthy while the database lacks a migration this release expects (before `iro db migrate`).</summary>
internal sealed class MigrationsAppliedCheck(IroDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            ? HealthCheckResult.Unhealthy("Migrations are pending.")
            : HealthCheckResult.Healthy();
}
