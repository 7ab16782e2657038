using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Governance;

/// <summary>
/// Administrators find a child by their ID and download everything held about them as a zip, for a subject
/// access request. The download is recorded in the child's audit.
/// </summary>
[Authorize(Policy = Permissions.ExportSubjectAccess)]
public sealed class SubjectAccessModel(IroDbContext db, SubjectAccessExport export, CurrentUserAccessor currentUser) : PageModel
{
    public const string Path = "/admin/subject-access";

    [BindProperty(SupportsGet = true, Name = "child")] public string? Child { get; set; }

    /// <summary>The child found, to confirm before downloading.</summary>
    public (string LocalId, string Name, DateOnly DateOfBirth)? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Child is null) return;
        var localId = Child.Trim();
        var child = await db.Children.AsNoTracking().Where(c => c.LocalId == localId)
            .Select(c => new { c.LocalId, c.FirstName, c.LastName, c.DateOfBirth }).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            ModelState.AddModelError("child", localId.Length == 0 ? "Enter the child's ID" : "No child has that ID");
            return;
        }

        Found = (child.LocalId, Iro.Domain.Children.Child.DisplayNameOf(child.LocalId, child.FirstName, child.LastName), child.DateOfBirth);
    }

    public async Task<IActionResult> OnGetZipAsync(CancellationToken ct)
    {
        var localId = Child?.Trim() ?? "";
        if (await export.FindAsync(localId, ct) is not { } key) return NotFound();
        var user = await currentUser.GetAsync(ct);
        var files = await export.BuildAsync(key, user.UserId, Request.Path + Request.QueryString, ct);
        return File(SubjectAccessExport.Zip(files), "application/zip", SubjectAccessExport.FileName(localId));
    }

    public string ZipLink(string localId) => $"{Path}?child={Uri.EscapeDataString(localId)}&handler=zip";
}
