using System.Diagnostics;
using Iro.Web.Operations.Telemetry;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// Traces of the report's sections ("annual report: {section}"), so a slow report shows where its time goes; they cost
/// nothing when nobody listens.
/// </summary>
public static class ReportSpans
{
    public const string Prefix = "annual report: ";

    public static Activity? Start(string section) => IroTelemetry.ActivitySource.StartActivity(Prefix + section);

    /// <summary>Runs one section inside its span.</summary>
    public static async Task<T> TimeAsync<T>(string section, Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var span = Start(section);
        return await run();
    }

    /// <summary>Computes one section inside its span.</summary>
    public static T Time<T>(string section, Func<T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        using var span = Start(section);
        return compute();
    }
}
