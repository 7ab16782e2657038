namespace Iro.Web.Features.Interchange;

/// <summary>
/// Limits on a 903 return upload (settings under <c>Uploads:</c>). The defaults fit a national-scale return:
/// its CSV files are up to about 15 MB each and there are about ten of them.
/// </summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>The whole request; a larger body is refused by the server with 413 before it is read.</summary>
    public long MaxRequestBytes { get; set; } = 200L * 1024 * 1024;

    public int MaxFiles { get; set; } = 20;

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Where uploads wait for their import, one folder per job; the system's temporary folder by default.</summary>
    public string? StagingPath { get; set; }

    public string StagingRoot => StagingPath is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "iro-ssda903-uploads");

    /// <summary>"50 MB" (or KB, or bytes, for small limits), for messages.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024 * 1024):N0} MB",
        >= 1024 => $"{bytes / 1024:N0} KB",
        _ => $"{bytes:N0} bytes",
    };
}

/// <summary>Import jobs (settings under <c>Imports:</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Imports";

    /// <summary>An import still running after this long is stopped; nothing is written.</summary>
    public int TimeoutMinutes { get; set; } = 30;

    /// <summary>How long a return with warnings waits for someone to accept them before its files are deleted.</summary>
    public int KeepForAcceptanceHours { get; set; } = 24;

    /// <summary>How long an instance's claim on a running job holds without renewal (it renews three times per lease).</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often an idle instance looks for jobs queued on other instances.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How many times a job is started before it is given up (each instance that stops while running it costs one).</summary>
    public int MaxAttempts { get; set; } = 3;
}
