using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Feedback;

/// <summary>Enters the child's consultation return for one of their reviews (<c>?reviewId=</c>).</summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class NewModel(ChildContext context, IroDbContext db, TimeProvider clock) : FeedbackFormModel
{
    public Child Child { get; private set; } = null!;
    [BindProperty] public int ReviewId { get; set; }
    public DateOnly ReviewDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        Child = context.Child;
        ReviewId = reviewId;
        // Feedback is entered from a review; without one, the child's feedback page.
        if (!context.CanWrite || ReviewId == 0) return Redirect(FeedbackLinks.Child(Child.LocalId));
        if (await ReviewDateAsync(ct) is not { } held) return NotFound();
        ReviewDate = held;
        ReceivedOn = DateInput.From(clock.ServiceToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = context.Child;
        if (await ReviewDateAsync(ct) is not { } held) return NotFound();
        ReviewDate = held;
        if (Read(clock.ServiceToday()) is not { } feedback) return Page();
        feedback.ChildId = context.ChildKey;
        feedback.ReviewId = ReviewId;
        db.FeedbackReturns.Add(feedback);
        await db.SaveChangesAsync(ct);
        return Redirect(FeedbackLinks.Child(Child.LocalId));
    }

    /// <summary>The date of the review, or null when it is not one of this child's.</summary>
    private async Task<DateOnly?> ReviewDateAsync(CancellationToken ct) =>
        await db.Reviews.AsNoTracking().Where(r => r.Id == ReviewId && r.ChildId == context.ChildKey && !r.IsDeleted)
            .Select(r => (DateOnly?)r.HeldOn).SingleOrDefaultAsync(ct);
}
