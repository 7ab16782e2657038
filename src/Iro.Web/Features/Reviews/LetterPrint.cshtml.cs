using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>The letter for printing, and as a Word document.</summary>
public sealed class LetterPrintModel(ReviewWorkspace workspace) : PageModel
{
    public RecordOfReviewLetter Letter { get; private set; } = null!;
    public string BackUrl { get; private set; } = "";
    public bool Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(string childId, int reviewId, CancellationToken ct) =>
        await LoadAsync(childId, reviewId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(string childId, int reviewId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, reviewId, ct)) return NotFound();
        return File(LetterDocument.Build(Letter), LetterDocument.ContentType, $"record-of-review-{childId}-{reviewId}.docx");
    }

    private async Task<bool> LoadAsync(string childId, int reviewId, CancellationToken ct)
    {
        var found = await workspace.ReviewAsync(childId, reviewId, ct);
        if (found is null || found.Value.Review.Status != Domain.Reviews.ReviewStatus.Held) return false;
        Letter = RecordOfReviewLetter.For(found.Value.Child, found.Value.Review, workspace.Today);
        Issued = found.Value.Review.RecordIssuedOn is not null;
        BackUrl = $"/children/{childId}/reviews/{reviewId}/letter";
        return true;
    }
}
