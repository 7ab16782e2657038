using System.Globalization;
using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// A manager writes the draft report's narrative: key messages, purpose and legal context, case studies, last
/// year's priorities with their progress (RAG) and next year's priorities. Nothing is saved when any field is
/// wrong; the version token refuses a save over someone else's; a published report cannot be changed. Every
/// change is audited as a change to the edition.
/// </summary>
[Authorize(Policy = Permissions.PublishReports)]
public sealed class EditModel(IroDbContext db, AnnualReportBook book, CaseStudyNameCheck names, CurrentUserAccessor users) : PageModel
{
    public const string Path = "/reports/annual/edit";
    public const int TextLimit = 10_000;
    public const int PriorityLimit = 500;
    public const int BlankPriorityRows = 2;
    public const string ConcurrencyMessage =
        "Someone else changed this report while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";
    public const string PublishedMessage = "This report has been published and can no longer be changed";

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? KeyMessages { get; set; }
    [BindProperty] public string? LegalContext { get; set; }
    [BindProperty] public string? CaseStudies { get; set; }
    [BindProperty] public string? NextYearPriorities { get; set; }

    /// <summary>Last year's priorities as the form shows them: each row's text, status and progress, blank rows included.</summary>
    public IReadOnlyList<(string Priority, string? Status, string Progress)> PriorityRows { get; private set; } = [];

    public ReportingYear Year { get; private set; }
    public IReadOnlyList<string> NameWarnings { get; private set; } = [];
    public bool Saved { get; private set; }

    public static string Link(ReportingYear year) => QueryHelpers.AddQueryString(Path, "year", year.ToString());

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(YearText, out var year)) return NotFound();
        Year = year;
        var edition = await book.FindAsync(year, ct);
        if (edition is null || edition.IsPublished) return Redirect(IndexModel.Link(year));
        Fill(edition);
        Saved = saved;
        NameWarnings = await names.WarningsAsync(edition.CaseStudies, await users.GetAsync(ct), ct);
        return Page();
    }

    /// <summary>Creates the year's draft (once) and opens it for editing.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ReportingYear.TryParse(YearText, out var year)) return NotFound();
        var edition = await book.DraftAsync(year, ct);
        return Redirect(edition.IsPublished ? IndexModel.Link(year) : Link(year));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReportingYear.TryParse(YearText, out var year)) return NotFound();
        Year = year;
        var edition = await db.AnnualReportEditions.SingleOrDefaultAsync(e => e.Year == year.ToString(), ct);
        if (edition is null) return Redirect(IndexModel.Link(year));
        var priorities = ReadPriorities();
        if (edition.IsPublished) ModelState.AddModelError("", PublishedMessage);
        CheckLength(nameof(KeyMessages), "Key messages", KeyMessages);
        CheckLength(nameof(LegalContext), "Purpose and legal context", LegalContext);
        CheckLength(nameof(CaseStudies), "Case studies", CaseStudies);
        CheckLength(nameof(NextYearPriorities), "Next year's priorities", NextYearPriorities);
        if (!ModelState.IsValid) return Page();

        edition.KeyMessages = Clean(KeyMessages);
        edition.LegalContext = Clean(LegalContext);
        edition.CaseStudies = Clean(CaseStudies);
        edition.LastYearPriorities = ReportPriorities.Write(priorities);
        edition.NextYearPriorities = Clean(NextYearPriorities);
        db.Entry(edition).Property(e => e.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
            return Page();
        }

        return Redirect(QueryHelpers.AddQueryString(Link(year), "saved", "true"));
    }

    private void Fill(AnnualReportEdition edition)
    {
        Version = edition.Version;
        KeyMessages = edition.KeyMessages;
        LegalContext = edition.LegalContext;
        CaseStudies = edition.CaseStudies;
        NextYearPriorities = edition.NextYearPriorities;
        var stored = ReportPriorities.Read(edition.LastYearPriorities) ?? [];
        PriorityRows = [.. stored.Select(p => (p.Priority, (string?)p.Status.ToString(), p.Progress)), .. Enumerable.Repeat(("", (string?)null, ""), BlankPriorityRows)];
    }

    /// <summary>
    /// Reads the posted priority rows (fields Priority1, Status1, Progress1, ...): a blank row is skipped; a row with
    /// any part written needs all three. Problems are added against the row's field.
    /// </summary>
    private List<ReportPriority> ReadPriorities()
    {
        var count = int.TryParse(Request.Form["PriorityRows"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 0, 100) : 0;
        var rows = new List<(string, string?, string)>();
        var priorities = new List<ReportPriority>();
        for (var i = 1; i <= count; i++)
        {
            var text = Request.Form[$"Priority{i}"].ToString().Trim();
            var status = Request.Form[$"Status{i}"].ToString();
            var progress = Request.Form[$"Progress{i}"].ToString().Trim();
            rows.Add((text, status.Length == 0 ? null : status, progress));
            if (text.Length == 0 && status.Length == 0 && progress.Length == 0) continue;
            var valid = true;
            if (text.Length == 0) valid = Problem($"Priority{i}", $"Enter priority {i}, or clear its progress");
            else if (text.Length > PriorityLimit) valid = Problem($"Priority{i}", $"Priority {i} must be {PriorityLimit} characters or fewer");
            if (!Enum.TryParse<RagStatus>(status, out var rag) || !Enum.IsDefined(rag))
                valid = Problem($"Status{i}", $"Select the progress on priority {i}: red, amber or green");
            if (progress.Length == 0) valid = Problem($"Progress{i}", $"Enter a note of the progress on priority {i}");
            else if (progress.Length > TextLimit) valid = Problem($"Progress{i}", $"The progress on priority {i} must be {TextLimit:N0} characters or fewer");
            if (valid) priorities.Add(new ReportPriority(text, rag, progress));
        }

        PriorityRows = rows;
        return priorities;
    }

    private bool Problem(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return false;
    }

    private void CheckLength(string field, string label, string? text)
    {
        if (text?.Trim().Length > TextLimit) ModelState.AddModelError(field, $"{label} must be {TextLimit:N0} characters or fewer");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
