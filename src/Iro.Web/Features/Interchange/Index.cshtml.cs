using System.IO.Compression;
using Iro.Domain.Calendar;
using Iro.Ssda903;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Interchange;

/// <summary>Upload a 903 return (CSV files or one XML file) and download a year's return as a zip of CSV files.</summary>
[Authorize(Policy = Permissions.ManageReturns)]
[UploadLimits]
public sealed class IndexModel(
    IroDbContext db, ImportJobs jobs, Ssda903Exporter exporter, AuditLog audit, CurrentUserAccessor currentUser, TimeProvider clock,
    IOptions<UploadOptions> uploadOptions) : PageModel
{
    /// <summary>The first year offered: the 903 tables have had today's columns since 2017-18.</summary>
    private const int FirstYear = 2017;

    [BindProperty] public string? Year { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<CollectionYear> Years { get; private set; } = [];
    public IReadOnlyList<Ssda903Import> Imports { get; private set; } = [];
    public DateOnly? EarliestYearStart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CollectionYear.TryParse(Year, out var year) || year.StartYear < FirstYear)
        {
            ModelState.AddModelError(nameof(Year), "Select the collection year of the return");
        }

        var names = Files.Select(f => f.FileName).ToList();
        if (FilesProblem(names) is { } problem) ModelState.AddModelError(nameof(Files), problem);

        if (!ModelState.IsValid || year is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var user = await currentUser.GetAsync(ct);
        var id = Guid.NewGuid();
        // Staged under names of the service's own: the user's names are only shown, never used as paths.
        var directory = Directory.CreateDirectory(Path.Combine(uploadOptions.Value.StagingRoot, id.ToString("N"))).FullName;
        try
        {
            foreach (var (file, index) in Files.Select((f, i) => (f, i)))
            {
                await using var target = System.IO.File.Create(Path.Combine(directory, ImportJobRecord.StagedFileName(index, names[index])));
                await file.CopyToAsync(target, ct);
            }

            await jobs.EnqueueAsync(db, id, new ImportUser(user.UserId, user.DisplayName), year, directory, names, ct);
        }
        catch
        {
            ImportJobRunner.RemoveFiles(directory);
            throw;
        }

        return Redirect($"/ssda903/imports/{id}");
    }

    /// <summary>What is wrong with the selected files, checked before anything is stored; null when nothing is.</summary>
    private string? FilesProblem(List<string> names)
    {
        var limits = uploadOptions.Value;
        if (Files.Count == 0 || Files.All(f => f.Length == 0)) return "Select the return's CSV files or its XML file";
        if (Files.Count > limits.MaxFiles) return $"Select at most {limits.MaxFiles} files";
        for (var i = 0; i < names.Count; i++)
        {
            if (UploadedFileName.Problem(names[i], i + 1) is { } problem) return problem;
        }

        if (Files.FirstOrDefault(f => f.Length > limits.MaxFileBytes) is { } large)
        {
            return $"The selected file {large.FileName} must be smaller than {UploadOptions.Size(limits.MaxFileBytes)}";
        }

        if (names.Any(n => !n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            return "The selected files must be CSV files or one XML file";
        }

        if (names.Any(n => n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) && Files.Count > 1)
        {
            return "Select one XML file, or the CSV files, not both";
        }

        return null;
    }

    /// <summary>The year's return as a zip of CSV files.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? year, CancellationToken ct)
    {
        if (!CollectionYear.TryParse(year, out var collectionYear) || collectionYear.StartYear < FirstYear)
        {
            ModelState.AddModelError("ExportYear", "Select the collection year to download");
            await LoadAsync(ct);
            return Page();
        }

        var user = await currentUser.GetAsync(ct);
        var directory = Directory.CreateTempSubdirectory("iro-ssda903-export-");
        try
        {
            var (_, findings, files) = await exporter.WriteAsync(collectionYear, directory.FullName, ct);
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in files) await archive.CreateEntryFromFileAsync(file, Path.GetFileName(file), CompressionLevel.Optimal, ct);
            }

            await audit.RecordAsync(user.UserId, "Export", "Ssda903Return", collectionYear.Name,
                $"{{\"files\":{files.Count},\"errors\":{findings.Count(f => f.Severity == FindingSeverity.Error)}}}", ct);
            zip.Position = 0;
            return File(zip, "application/zip", $"ssda903-{collectionYear.Name}.zip");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var current = CollectionYear.Containing(clock.ServiceToday());
        Years = [.. Enumerable.Range(FirstYear, current.StartYear - FirstYear + 1).Reverse().Select(CollectionYear.FromStartYear)];
        Imports = await ImportHistory.RecentAsync(db, 20, ct);
        EarliestYearStart = await ImportHistory.EarliestYearStartAsync(db, ct);
    }
}
