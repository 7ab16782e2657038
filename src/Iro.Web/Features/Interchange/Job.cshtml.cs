using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Interchange;

/// <summary>Progress of an upload, then its findings or result; warnings can be accepted here.</summary>
[Authorize(Policy = Permissions.ManageReturns)]
public sealed class JobModel(ImportJobs jobs, CurrentUserAccessor currentUser) : PageModel
{
    /// <summary>The findings table stops here; the counts above it cover every finding.</summary>
    public const int FindingsShown = 500;

    public ImportJob Job { get; private set; } = null!;

    /// <summary>Where the import stands, for the page title and heading; the page refreshes until it is finished.</summary>
    public static string State(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Failure is not null) return "Import failed";
        return job.Outcome?.Status switch
        {
            null => "Importing",
            ImportStatus.Imported => "Import complete",
            ImportStatus.Refused => "Not imported: the return has errors",
            _ => "Not imported yet: the return has warnings",
        };
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var job = jobs.Find(id, user.UserId);
        if (job is null) return NotFound();
        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var job = jobs.Find(id, user.UserId);
        if (job is null) return NotFound();
        jobs.AcceptWarnings(job);
        return Redirect($"/ssda903/imports/{job.Id}");
    }
}
