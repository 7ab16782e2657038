using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Missing;

/// <summary>
/// Records the return home interview of one of the child's episodes: offered and completed (date and time), by
/// whom, declined, whether the IRO was told. Shows whether it fell within 72 hours of the return.
/// </summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class InterviewModel(ChildContext context, IroDbContext db, TimeProvider clock) : PageModel
{
    public Child Child { get; private set; } = null!;
    public MissingEpisode Episode { get; private set; } = null!;

    [BindProperty] public DateInput OfferedOn { get; set; } = new();
    [BindProperty] public string? OfferedTime { get; set; }
    [BindProperty] public DateInput CompletedOn { get; set; } = new();
    [BindProperty] public string? CompletedTime { get; set; }
    [BindProperty] public string? By { get; set; }
    [BindProperty] public bool Declined { get; set; }
    [BindProperty] public bool? IroInformed { get; set; }

    /// <summary>The episode as stored when the form was shown: a change since then is refused.</summary>
    [BindProperty] public string? Stamp { get; set; }

    public string Deadline => ReturnInterviewWindow.DeadlineFor(Episode.End!.Value, Episode.ReturnTime).ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Child = context.Child;
        if (!context.CanWrite || await EpisodeAsync(ct) is not { End: not null } episode) return Redirect(MissingLinks.Child(Child.LocalId));
        Episode = episode;
        (OfferedOn, OfferedTime) = (DateInput.From(episode.InterviewOfferedOn), TimeText.Show(episode.InterviewOfferedTime));
        (CompletedOn, CompletedTime) = (DateInput.From(episode.InterviewCompletedOn), TimeText.Show(episode.InterviewCompletedTime));
        (By, Declined, IroInformed, Stamp) = (episode.InterviewBy, episode.InterviewDeclined == true, episode.IroInformed, StampOf(episode));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = context.Child;
        if (await EpisodeAsync(ct) is not { } episode) return NotFound();
        Episode = episode;
        var entry = new ReturnInterviewEntry(
            OfferedOn.Read(ModelState, nameof(OfferedOn), "The date the interview was offered"),
            TimeText.Read(ModelState, nameof(OfferedTime), "The time the interview was offered", OfferedTime),
            CompletedOn.Read(ModelState, nameof(CompletedOn), "The date the interview was completed"),
            TimeText.Read(ModelState, nameof(CompletedTime), "The time the interview was completed", CompletedTime),
            By, Declined, IroInformed);
        if (!GovukForm.AddProblems(ModelState, MissingEpisodeChecks.ProblemsOf(entry, episode, clock.ServiceToday()))) return Page();
        if (Stamp != StampOf(episode))
        {
            ModelState.AddModelError("", "Someone else changed this episode since you opened the form: check it and enter the interview again");
            return Page();
        }

        MissingEpisodeChecks.Apply(episode, entry);
        await db.SaveChangesAsync(ct);
        return Redirect(MissingLinks.Child(Child.LocalId));
    }

    // The query keeps the child's route the only route key; an episode of another child is not found.
    private Task<MissingEpisode?> EpisodeAsync(CancellationToken ct) =>
        Request.Query.TryGetValue("episode", out var raw) && int.TryParse(raw, out var id)
            ? db.MissingEpisodes.SingleOrDefaultAsync(e => e.Id == id && e.ChildId == context.ChildKey, ct)
            : Task.FromResult<MissingEpisode?>(null);

    /// <summary>
    /// What the form was shown over: the episode has no version column, so its interview fields and return
    /// stand for one.
    /// </summary>
    private static string StampOf(MissingEpisode e) => FormattableString.Invariant(
        $"{e.End}|{e.ReturnTime}|{e.InterviewOfferedOn}|{e.InterviewOfferedTime}|{e.InterviewCompletedOn}|{e.InterviewCompletedTime}|{e.InterviewBy}|{e.InterviewDeclined}|{e.IroInformed}");
}
