using Iro.Ssda903;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>Progress of an upload, then its findings or result; warnings can be accepted and the job cancelled here.</summary>
[Authorize(Policy = Permissions.ManageReturns)]
public sealed class JobModel(IroDbContext db, ImportJobs jobs, CurrentUserAccessor currentUser) : PageModel
{
    /// <summary>The findings table stops here; the counts above it cover every finding.</summary>
    public const int FindingsShown = ImportJobRecord.FindingsKept;

    public ImportJobRecord Job { get; private set; } = null!;
    public ImportProgress Progress { get; private set; } = new(ImportStage.Queued, 0, 0);
    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    /// <summary>The import record, once the return has been imported.</summary>
    public Ssda903Import? Record { get; private set; }

    public int FindingCount => Job.Errors + Job.Warnings;

    public bool CanCancel => Job.Status is ImportJobStatus.Queued or ImportJobStatus.Running or ImportJobStatus.NeedsAcceptance;

    /// <summary>Where the import stands, for the page title and heading; the page refreshes until it is finished.</summary>
    public static string State(ImportJobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status switch
        {
            ImportJobStatus.Queued or ImportJobStatus.Running => "Importing",
            ImportJobStatus.Imported => "Import complete",
            ImportJobStatus.Refused => "Not imported: the return has errors",
            ImportJobStatus.NeedsAcceptance => "Not imported yet: the return has warnings",
            ImportJobStatus.Cancelled => "Import cancelled",
            _ => "Import failed",
        };
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } job) return NotFound();
        Job = job;
        Progress = jobs.LiveProgress(id) is { } live && job.Status == ImportJobStatus.Running
            ? live
            : new ImportProgress(job.Stage, job.Processed, job.Total);
        Findings = job.KeptFindings;
        if (job.ImportId is { } importId)
        {
            Record = await db.Set<Ssda903Import>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } job) return NotFound();
        await jobs.AcceptWarningsAsync(db, job.Id, ct);
        return Redirect($"/ssda903/imports/{job.Id}");
    }

    /// <summary>Only the person who uploaded the return can cancel its import (others cannot see the job at all).</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } job) return NotFound();
        await jobs.CancelAsync(db, job, ct);
        return Redirect($"/ssda903/imports/{job.Id}");
    }

    private async Task<ImportJobRecord?> FindAsync(Guid id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        return await ImportJobs.FindAsync(db, id, user.UserId, ct);
    }
}
