using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>Records why a late review was late: validation first, then the change and its audit entry together.</summary>
public sealed class LateReasonForm(IroDbContext db, TimetableService timetables)
{
    public const int NoteMaxLength = ReviewTextLimits.LateReasonNote;

    /// <summary>A validation error against a form field.</summary>
    public sealed record FieldError(string Field, string Message);

    /// <summary>The form field ids for one review's row (unique on the page, so the error summary can link to them).</summary>
    public static string ReasonField(int reviewId) => $"reason-{reviewId}";

    public static string NoteField(int reviewId) => $"note-{reviewId}";

    /// <summary>Saves the reason, or returns the errors and saves nothing.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(CurrentUser user, int reviewId, string? reason, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<FieldError>();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Enum.TryParse<ReasonForLateness>(reason, out var parsed) || !Enum.IsDefined(parsed))
            errors.Add(new FieldError(ReasonField(reviewId), "Select why the review was late"));
        else if (parsed == ReasonForLateness.Other && note is null)
            errors.Add(new FieldError(NoteField(reviewId), "Enter details of the other reason"));
        if (note is { Length: > NoteMaxLength })
            errors.Add(new FieldError(NoteField(reviewId), $"Details must be {NoteMaxLength} characters or fewer"));

        var review = await db.Reviews
            .Where(r => r.Id == reviewId && db.Children.VisibleTo(user).Any(c => c.Id == r.ChildId))
            .Include(r => r.Child)
            .SingleOrDefaultAsync(ct);
        if (review is null)
        {
            errors.Add(new FieldError(ReasonField(reviewId), "The review could not be found"));
            return errors;
        }

        if (!await IsLateAsync(user, review, ct))
            errors.Add(new FieldError(ReasonField(reviewId), "A reason can only be recorded for a review held late"));
        if (errors.Count > 0) return errors;

        review.LateReason = parsed;
        review.LateReasonNote = note;
        // The write audit (old and new values) is kept by the audit interceptor on save.
        await db.SaveChangesAsync(ct);
        return [];
    }

    private async Task<bool> IsLateAsync(CurrentUser user, Review review, CancellationToken ct)
    {
        var entry = await timetables.LoadChildAsync(user, review.Child!.LocalId, null, ct);
        return entry?.Timetable.AllReviews.Any(r => r.HeldOn == review.HeldOn && r.OnTime == false) == true;
    }
}
