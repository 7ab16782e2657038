using System.Diagnostics;

namespace Iro.Web.Cli;

/// <summary>
/// With <c>IRO_STARTUP_TRACE=1</c>, prints to standard error when each phase of a command ended: wall-clock time
/// since the process started and the process's CPU time so far, to see where start-up goes. Silent otherwise.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("IRO_STARTUP_TRACE") is "1" or "true";

    public static void Mark(string phase)
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        Console.Error.WriteLine($"[startup] {wall.TotalMilliseconds,7:F0} ms wall {process.TotalProcessorTime.TotalMilliseconds,7:F0} ms CPU  {phase}");
    }
}
