using Iro.Domain;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.FileAudits;

/// <summary>
/// The audit of a child's file for one review: a yes or no to each configured question. One audit per child and
/// review. Everyone who sees the child reads it; only auditors (<see cref="Permissions.AuditFiles"/>) within the
/// write scope are offered the form, and only they may post it.
/// </summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class AuditModel(ChildContext context, IroDbContext db, ReviewWorkspace workspace, IOptions<VoiceOptions> options, TimeProvider clock) : PageModel
{
    public const string AnswerPrefix = "Answer-";
    public const int CommentMaxLength = 2000;

    public Child Child { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public IReadOnlyList<KeyedLabel> Questions => options.Value.EffectiveAuditQuestions;
    public Dictionary<string, bool?> Answers { get; private set; } = new(StringComparer.Ordinal);
    public bool CanAudit { get; private set; }
    public bool IsAudited { get; private set; }

    [BindProperty] public DateInput AuditedOn { get; set; } = new();
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public static string FieldOf(KeyedLabel question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return AnswerPrefix + question.Key;
    }

    public async Task<IActionResult> OnGetAsync(int reviewId, CancellationToken ct)
    {
        await LoadAsync(reviewId, ct);
        CanAudit = await context.CanChangeAsync(Permissions.AuditFiles);
        var audit = await StoredAsync(reviewId, ct);
        IsAudited = audit is not null;
        AuditedOn = DateInput.From(audit?.AuditedOn ?? clock.ServiceToday());
        (Comment, Version) = (audit?.Comment, audit?.Version ?? Guid.Empty);
        foreach (var answer in audit?.Answers ?? []) Answers[answer.QuestionKey] = answer.Answer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reviewId, CancellationToken ct)
    {
        if (!await context.CanAsync(Permissions.AuditFiles)) return Forbid();
        await LoadAsync(reviewId, ct);
        CanAudit = true;
        var auditedOn = AuditedOn.Read(ModelState, nameof(AuditedOn), "The date of the audit", "Enter the date of the audit");
        var problems = new List<ReviewProblem>();
        foreach (var question in Questions)
        {
            var posted = Request.Form[FieldOf(question)].ToString();
            Answers[question.Key] = posted switch { "true" => true, "false" => false, _ => null };
            if (Answers[question.Key] is null) problems.Add(new(FieldOf(question), $"Select yes or no: {question.Label}"));
        }

        if (auditedOn > clock.ServiceToday()) problems.Add(new(nameof(AuditedOn), "The date of the audit must be today or in the past"));
        if (Comment is { Length: > CommentMaxLength }) problems.Add(new(nameof(Comment), $"The comment must be {CommentMaxLength} characters or fewer"));
        if (!GovukForm.AddProblems(ModelState, problems)) return Page();

        var audit = await db.FileAudits.Include(a => a.Answers).SingleOrDefaultAsync(a => a.ChildId == context.ChildKey && a.ReviewId == reviewId, ct);
        var isNew = audit is null;
        audit ??= db.FileAudits.Add(new FileAudit { ChildId = context.ChildKey, ReviewId = reviewId }).Entity;
        (audit.AuditedOn, audit.Comment) = (auditedOn!.Value, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim());
        foreach (var question in Questions)
        {
            if (audit.Answers.Find(a => a.QuestionKey == question.Key) is { } answer) answer.Answer = Answers[question.Key]!.Value;
            else audit.Answers.Add(new FileAuditAnswer { QuestionKey = question.Key, Answer = Answers[question.Key]!.Value });
        }

        // The audit row is always written, so the version check applies even when only answers changed.
        if (!isNew) db.Entry(audit).State = EntityState.Modified;
        // A new audit is refused when one was saved meanwhile (the form had no version) or the unique index says so.
        var saved = isNew ? Version == Guid.Empty && await TrySaveNewAsync(ct) : await workspace.TrySaveAsync(audit, Version, ct);
        if (!saved)
        {
            ModelState.AddModelError("", "Someone else saved an audit of this file since you opened the form: check it and enter your answers again");
            return Page();
        }

        return Redirect(ChildLinks.Review(Child.LocalId, reviewId));
    }

    private async Task<bool> TrySaveNewAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task LoadAsync(int reviewId, CancellationToken ct)
    {
        Child = context.Child;
        Review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId && r.ChildId == context.ChildKey, ct);
    }

    private Task<FileAudit?> StoredAsync(int reviewId, CancellationToken ct) =>
        db.FileAudits.AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.ChildId == context.ChildKey && a.ReviewId == reviewId, ct);
}
