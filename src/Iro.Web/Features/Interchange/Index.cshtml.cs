using System.IO.Compression;
using Iro.Domain.Calendar;
using Iro.Ssda903;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Interchange;

/// <summary>Upload a 903 return (CSV files or one XML file) and download a year's return as a zip of CSV files.</summary>
[Authorize(Policy = Permissions.ManageReturns)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IndexModel(IroDbContext db, ImportJobs jobs, Ssda903Exporter exporter, AuditLog audit, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    /// <summary>Generous for one council's return (a large council's CSV files are a few megabytes).</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

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

        var names = Files.Select(f => Path.GetFileName(f.FileName)).ToList();
        if (Files.Count == 0 || Files.All(f => f.Length == 0))
        {
            ModelState.AddModelError(nameof(Files), "Select the return's CSV files or its XML file");
        }
        else if (names.Any(n => !n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Files), "The selected files must be CSV files or one XML file");
        }
        else if (names.Any(n => n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) && Files.Count > 1)
        {
            ModelState.AddModelError(nameof(Files), "Select one XML file, or the CSV files, not both");
        }

        if (!ModelState.IsValid || year is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        var user = await currentUser.GetAsync(ct);
        var directory = Directory.CreateTempSubdirectory("iro-ssda903-upload-").FullName;
        var paths = new List<string>();
        foreach (var (file, index) in Files.Select((f, i) => (f, i)))
        {
            // Names are the user's (findings quote them) but made unique and never used as a path.
            var name = names[index];
            var path = Path.Combine(directory, names.Take(index).Contains(name, StringComparer.OrdinalIgnoreCase) ? $"{index}-{name}" : name);
            await using var target = System.IO.File.Create(path);
            await file.CopyToAsync(target, ct);
            paths.Add(path);
        }

        var job = jobs.Enqueue(new ImportUser(user.UserId, user.DisplayName), year, directory, paths);
        return Redirect($"/ssda903/imports/{job.Id}");
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
