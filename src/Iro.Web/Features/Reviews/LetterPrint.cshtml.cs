using Iro.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reviews;

/// <summary>The letter for printing, and as a Word document; only a held review has one.</summary>
public sealed class LetterPrintModel(ReviewWorkspace workspace) : PageModel
{
    public RecordOfReviewLetter Letter { get; private set; } = null!;
    public string BackUrl { get; private set; } = "";
    public bool Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct) =>
        await LoadAsync(reviewId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(int reviewId, CancellationToken ct)
    {
        if (!await LoadAsync(reviewId, ct)) return NotFound();
        return File(LetterDocument.Build(Letter), LetterDocument.ContentType, $"record-of-review-{workspace.Context.ChildId}-{reviewId}.docx");
    }

    private async Task<bool> LoadAsync(int reviewId, CancellationToken ct)
    {
        var (child, review) = await workspace.ReviewAsync(reviewId, ct);
        if (review.Status != ReviewStatus.Held) return false;
        Letter = RecordOfReviewLetter.For(child, review, workspace.Today);
        Issued = review.RecordIssuedOn is not null;
        BackUrl = ChildLinks.Review(child.LocalId, reviewId, "letter");
        return true;
    }
}
