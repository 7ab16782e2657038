using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Iro.Web.Operations.Telemetry;

/// <summary>
/// The app's own traces and metrics, under the name "Iro". They cost nothing when nobody listens; they are
/// exported only when an OTLP endpoint is configured (see <see cref="TelemetrySetup"/>).
/// </summary>
public static class IroTelemetry
{
    public const string Name = "Iro";

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ImportJobsStarted =
        Meter.CreateCounter<long>("iro.import_jobs.started", "{job}", "Import jobs started, by kind.");

    public static readonly Counter<long> ImportJobsFinished =
        Meter.CreateCounter<long>("iro.import_jobs.finished", "{job}", "Import jobs finished, by kind and outcome.");

    public static readonly Histogram<double> ImportJobDuration =
        Meter.CreateHistogram<double>("iro.import_jobs.duration", "s", "How long import jobs ran, by kind and outcome.");

    public static readonly Counter<long> TimetableComputations =
        Meter.CreateCounter<long>("iro.timetable.computations", "{child}", "Children whose review timetable was computed.");

    public static readonly Histogram<double> TimetableDuration =
        Meter.CreateHistogram<double>("iro.timetable.duration", "s", "How long a batch of review timetables took to load and compute.");

    /// <summary>Starts measuring an import job; set <see cref="ImportJobMeasurement.Outcome"/> before it is disposed.</summary>
    public static ImportJobMeasurement ImportJob(string kind) => new(kind);

    /// <summary>Measures one batch of timetable computations, from now until disposed.</summary>
    public static TimetableMeasurement Timetables(int children) => new(children);
}

public sealed class ImportJobMeasurement : IDisposable
{
    private readonly string _kind;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _activity;

    internal ImportJobMeasurement(string kind)
    {
        _kind = kind;
        _activity = IroTelemetry.ActivitySource.StartActivity("import job");
        _activity?.SetTag("iro.import.kind", kind);
        IroTelemetry.ImportJobsStarted.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    /// <summary>How the job ended (for example Imported, NeedsAcceptance, Cancelled); "Failed" unless set.</summary>
    public string Outcome { get; set; } = "Failed";

    public void Dispose()
    {
        var tags = new TagList { { "kind", _kind }, { "outcome", Outcome } };
        IroTelemetry.ImportJobsFinished.Add(1, tags);
        IroTelemetry.ImportJobDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        _activity?.SetTag("iro.import.outcome", Outcome);
        _activity?.Dispose();
    }
}

public sealed class TimetableMeasurement : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _activity;

    internal TimetableMeasurement(int children)
    {
        _activity = IroTelemetry.ActivitySource.StartActivity("timetable computation");
        _activity?.SetTag("iro.timetable.children", children);
        IroTelemetry.TimetableComputations.Add(children);
    }

    public void Dispose()
    {
        IroTelemetry.TimetableDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds);
        _activity?.Dispose();
    }
}
