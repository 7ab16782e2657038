using System.Collections.Concurrent;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.AnnualReport;

/// <summary>Where a report download stands: waiting, being produced, ready to download, or failed.</summary>
public enum ReportDownloadStage
{
    Waiting,
    Producing,
    Ready,
    Failed,
}

/// <summary>One requested report file: whose it is, where it stands and, once ready, the file.</summary>
public sealed class ReportDownload(Guid id, string userId, ReportingYear year, string format, DateTimeOffset requestedAt)
{
    public Guid Id { get; } = id;
    public string UserId { get; } = userId;
    public ReportingYear Year { get; } = year;
    public string Format { get; } = format;
    public DateTimeOffset RequestedAt { get; } = requestedAt;
    public ReportDownloadStage Stage { get; set; }
    public AnnualReportBook.RenderedReport? File { get; set; }
}

/// <summary>
/// Produces report files in the background so that a large report never leaves the user at a blank page: the
/// request returns at once to a page that shows where the file stands and refreshes itself, as an import's page
/// does, then offers the file. Files are kept in memory for their requester for an hour.
/// </summary>
public sealed class ReportDownloads(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportDownloads> logger)
{
    public static readonly IReadOnlyList<string> Formats = ["html", "docx", "xlsx", "json"];
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ReportDownload> _downloads = new();

    /// <summary>Starts producing the file and returns at once.</summary>
    public ReportDownload Start(string userId, ReportingYear year, string format)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _downloads.Values.Where(d => now - d.RequestedAt > Kept)) _downloads.TryRemove(old.Id, out _);
        var download = new ReportDownload(Guid.NewGuid(), userId, year, format, now);
        _downloads[download.Id] = download;
        _ = Task.Run(() => ProduceAsync(download));
        return download;
    }

    /// <summary>The download, only for the user who asked for it.</summary>
    public ReportDownload? Find(Guid id, string userId) =>
        _downloads.TryGetValue(id, out var download) && download.UserId == userId ? download : null;

    private async Task ProduceAsync(ReportDownload download)
    {
        try
        {
            download.Stage = ReportDownloadStage.Producing;
            await using var scope = scopes.CreateAsyncScope();
            var book = scope.ServiceProvider.GetRequiredService<AnnualReportBook>();
            download.File = await book.RenderAsync(download.Year, download.Format, CancellationToken.None);
            download.Stage = ReportDownloadStage.Ready;
        }
#pragma warning disable CA1031 // Any failure is shown on the download's page rather than lost in the background.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "The {Year} annual report could not be produced as {Format}", download.Year, download.Format);
            download.Stage = ReportDownloadStage.Failed;
        }
    }
}
