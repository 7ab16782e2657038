using Iro.Domain.Timetable;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>Where a report download stands: waiting, being produced, ready to download, or failed.</summary>
public enum ReportDownloadStage
{
    Waiting,
    Producing,
    Ready,
    Failed,
}

/// <summary>
/// One requested report file, kept in the database so that any instance can show its progress and serve the file:
/// whose it is, where it stands, the lease of the instance producing it and, once ready, the file.
/// </summary>
public class ReportDownload
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The reporting year, written "2017-18".</summary>
    public required string YearName { get; set; }

    public required string Format { get; set; }
    public DateTime RequestedUtc { get; set; }
    public ReportDownloadStage Stage { get; set; }

    /// <summary>While waiting or producing: the producing instance renews this; once it lapses the instance has stopped.</summary>
    public DateTime LeaseExpiresUtc { get; set; }

    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }

    public ReportingYear Year => ReportingYear.Parse(YearName);

    /// <summary>Still being produced: waiting or producing, with a live lease.</summary>
    public bool InProgress(DateTime nowUtc) => Stage is ReportDownloadStage.Waiting or ReportDownloadStage.Producing && LeaseExpiresUtc > nowUtc;

    /// <summary>The instance producing it stopped before it finished: shown as failed, never left in progress.</summary>
    public bool Abandoned(DateTime nowUtc) => Stage is ReportDownloadStage.Waiting or ReportDownloadStage.Producing && LeaseExpiresUtc <= nowUtc;
}

/// <summary>
/// Produces report files in the background so that a large report never leaves the user at a blank page: the
/// request returns at once to a page that shows where the file stands and refreshes itself, as an import's page
/// does, then offers the file. The state and the file are in the database, so the page works from any instance; the
/// instance producing the file renews a lease, and a file whose instance stopped is shown as failed with the reason.
/// Files are kept for their requester for an hour.
/// </summary>
public sealed class ReportDownloads(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportDownloads> logger)
{
    public static readonly IReadOnlyList<string> Formats = ["html", "docx", "xlsx", "json"];
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>Records the request, starts producing the file on this instance and returns at once.</summary>
    public async Task<ReportDownload> StartAsync(IroDbContext db, string userId, ReportingYear year, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - Kept;
        await db.Set<ReportDownload>().Where(d => d.RequestedUtc < expired).ExecuteDeleteAsync(ct);
        var download = new ReportDownload
        {
            Id = Guid.NewGuid(), UserId = userId, YearName = year.ToString(), Format = format, RequestedUtc = now,
            Stage = ReportDownloadStage.Waiting, LeaseExpiresUtc = now + Lease,
        };
        db.Add(download);
        await db.SaveChangesAsync(ct);
        // Not the request's token: the file is produced after the request has returned.
        _ = Task.Run(() => ProduceAsync(download.Id, year, format), CancellationToken.None);
        return download;
    }

    /// <summary>The download, only for the user who asked for it.</summary>
    public static Task<ReportDownload?> FindAsync(IroDbContext db, Guid id, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ReportDownload>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct);
    }

    private async Task ProduceAsync(Guid id, ReportingYear year, string format)
    {
        using var renewing = new CancellationTokenSource();
        var lease = Task.CompletedTask;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            await SetAsync(db, id, ReportDownloadStage.Producing, null);
            lease = KeepLeaseAsync(id, renewing.Token);
            var file = await scope.ServiceProvider.GetRequiredService<AnnualReportBook>().RenderAsync(year, format, CancellationToken.None);
            await SetAsync(db, id, ReportDownloadStage.Ready, file);
        }
#pragma warning disable CA1031 // Any failure is shown on the download's page rather than lost in the background.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "The {Year} annual report could not be produced as {Format}", year, format);
            await using var scope = scopes.CreateAsyncScope();
            await SetAsync(scope.ServiceProvider.GetRequiredService<IroDbContext>(), id, ReportDownloadStage.Failed, null);
        }
        finally
        {
            await renewing.CancelAsync();
            await lease;
        }
    }

    private Task<int> SetAsync(IroDbContext db, Guid id, ReportDownloadStage stage, AnnualReportBook.RenderedReport? file)
    {
        var leaseEnds = clock.GetUtcNow().UtcDateTime + Lease;
        return db.Set<ReportDownload>().Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Stage, stage)
            .SetProperty(d => d.LeaseExpiresUtc, leaseEnds)
            .SetProperty(d => d.FileName, file == null ? null : file.FileName)
            .SetProperty(d => d.ContentType, file == null ? null : file.ContentType)
            .SetProperty(d => d.Content, file == null ? null : file.Content), CancellationToken.None);
    }

    /// <summary>Renews the lease a few times per period while the file is produced.</summary>
    private async Task KeepLeaseAsync(Guid id, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, clock, ct);
                await using var scope = scopes.CreateAsyncScope();
                var leaseEnds = clock.GetUtcNow().UtcDateTime + Lease;
                await scope.ServiceProvider.GetRequiredService<IroDbContext>().Set<ReportDownload>()
                    .Where(d => d.Id == id && d.Stage == ReportDownloadStage.Producing)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseExpiresUtc, leaseEnds), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The file is produced (or failed): nothing more to renew.
        }
    }
}
