using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Iro.Web.Operations.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (requests, the database, import jobs, timetables), exported over OTLP only
/// when an endpoint is configured: <c>Telemetry:OtlpEndpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// With neither, nothing is registered and nothing leaves the server.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointSetting = "Telemetry:OtlpEndpoint";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddIroTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[EndpointSetting];
        if (string.IsNullOrWhiteSpace(configured) && string.IsNullOrWhiteSpace(configuration[StandardEndpointVariable])) return services;

        // With only the standard variable set, the exporter reads it (and its protocol and headers) itself.
        void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions options)
        {
            if (!string.IsNullOrWhiteSpace(configured)) options.Endpoint = new Uri(configured);
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["Telemetry:ServiceName"] is { Length: > 0 } name ? name : "iro"))
            .WithTracing(tracing => tracing
                .AddSource(IroTelemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(Endpoint))
            .WithMetrics(metrics => metrics
                .AddMeter(IroTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(Endpoint));
        return services;
    }
}
