using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Iro.Web.Features.Timetable;
using Iro.Web.Operations.Telemetry;
using Iro.Web.Tests.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Iro.Web.Tests.Operations;

/// <summary>The app's own instruments record, and telemetry is exported only when an OTLP endpoint is configured.</summary>
public sealed class TelemetryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Computing_timetables_counts_the_children_and_records_the_duration()
    {
        using var recorder = new Recorder("iro.timetable.computations", "iro.timetable.duration");
        await using var scope = app.Services.CreateAsyncScope();

        var entries = await scope.ServiceProvider.GetRequiredService<TimetableService>().LoadAllAsync(null, CancellationToken.None);

        Assert.NotEmpty(entries);
        // Other tests may compute timetables at the same time, so at least this batch is counted.
        Assert.Contains(recorder.Values("iro.timetable.computations"), m => m.Value == entries.Count);
        Assert.NotEmpty(recorder.Values("iro.timetable.duration"));
    }

    [Fact]
    public void An_import_job_records_its_start_its_outcome_and_its_duration()
    {
        var kind = $"test-{Guid.NewGuid():N}";
        using var recorder = new Recorder("iro.import_jobs.started", "iro.import_jobs.finished", "iro.import_jobs.duration");

        using (var job = IroTelemetry.ImportJob(kind)) job.Outcome = "Imported";
        using (IroTelemetry.ImportJob(kind)) { }

        Assert.Equal(2, recorder.Values("iro.import_jobs.started").Count(m => m.Tags["kind"] as string == kind));
        var finished = recorder.Values("iro.import_jobs.finished").Where(m => m.Tags["kind"] as string == kind).ToList();
        Assert.Equal(["Imported", "Failed"], finished.Select(m => m.Tags["outcome"] as string));
        var durations = recorder.Values("iro.import_jobs.duration").Where(m => m.Tags["kind"] as string == kind).ToList();
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.True(d.Value >= 0));
    }

    [Fact]
    public void Nothing_is_exported_unless_an_otlp_endpoint_is_configured()
    {
        Assert.False(HasExporters(new Dictionary<string, string?>()));
        Assert.True(HasExporters(new Dictionary<string, string?> { [TelemetrySetup.EndpointSetting] = "http://127.0.0.1:4317" }));
        Assert.True(HasExporters(new Dictionary<string, string?> { [TelemetrySetup.StandardEndpointVariable] = "http://127.0.0.1:4317" }));
    }

    private static bool HasExporters(Dictionary<string, string?> telemetrySettings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(telemetrySettings).Build();
        var services = new ServiceCollection().AddLogging().AddIroTelemetry(configuration);
        using var provider = services.BuildServiceProvider();
        var tracing = provider.GetService<TracerProvider>() is not null;
        var metrics = provider.GetService<MeterProvider>() is not null;
        Assert.Equal(tracing, metrics);
        return tracing;
    }

    private sealed record Measurement(double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>Listens to the named instruments of the app's meter.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Instrument, Measurement Measurement)> _seen = new();

        public Recorder(params string[] instruments)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IroTelemetry.Name && instruments.Contains(instrument.Name)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public IEnumerable<Measurement> Values(string instrument) =>
            _seen.Where(s => s.Instrument == instrument).Select(s => s.Measurement);

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value;
            _seen.Enqueue((instrument.Name, new Measurement(value, copy)));
        }

        public void Dispose() => _listener.Dispose();
    }
}
