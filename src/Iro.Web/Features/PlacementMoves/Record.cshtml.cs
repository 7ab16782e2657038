using System.Globalization;
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

namespace Iro.Web.Features.PlacementMoves;

/// <summary>Records, for one placement move, whether the child was consulted before it, when the IRO was told, and why.</summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class RecordModel(ChildContext context, IroDbContext db, ReviewWorkspace workspace) : PageModel
{
    public const int ReasonMaxLength = 2000;

    public Child Child { get; private set; } = null!;
    public DateOnly MovedOn { get; private set; }

    [BindProperty] public bool? Consulted { get; set; }
    [BindProperty] public string? IroTold { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Child = context.Child;
        if (!context.CanWrite || await MoveAsync(ct) is not { } movedOn) return Redirect(PlacementMoveLinks.Child(Child.LocalId));
        MovedOn = movedOn;
        if (await StoredAsync(movedOn, ct) is { } record)
            (Consulted, IroTold, Reason, Version) = (record.ConsultedBeforeMove, record.IroTold?.ToString(), record.Reason, record.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = context.Child;
        if (await MoveAsync(ct) is not { } movedOn) return NotFound();
        MovedOn = movedOn;
        IroToldOfMove? told = Enum.TryParse<IroToldOfMove>(IroTold, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(IroTold, out _) ? parsed : null;
        var problems = new List<ReviewProblem>();
        if (Consulted is null) problems.Add(new("Consulted", "Select whether the child was consulted before the move"));
        if (told is null) problems.Add(new("IroTold", "Select when the IRO was told of the move"));
        if (Reason is { Length: > ReasonMaxLength }) problems.Add(new("Reason", $"The reason must be {ReasonMaxLength} characters or fewer"));
        if (!GovukForm.AddProblems(ModelState, problems)) return Page();

        var record = await StoredAsync(movedOn, ct, tracked: true);
        if (record is null)
        {
            record = new PlacementMoveRecord { ChildId = context.ChildKey, MovedOn = movedOn };
            db.PlacementMoveRecords.Add(record);
        }

        (record.ConsultedBeforeMove, record.IroTold, record.Reason) = (Consulted, told, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
        // The row is always written, so the version check applies even to a form posted unchanged.
        if (db.Entry(record).State != EntityState.Added) db.Entry(record).State = EntityState.Modified;
        var saved = db.Entry(record).State == EntityState.Added
            ? await SaveNewAsync(ct)
            : await workspace.TrySaveAsync(record, Version, ct);
        if (!saved)
        {
            ModelState.AddModelError("", "Someone else recorded this move since you opened the form: check it and enter your answers again");
            return Page();
        }

        return Redirect(PlacementMoveLinks.Child(Child.LocalId));
    }

    private async Task<bool> SaveNewAsync(CancellationToken ct)
    {
        // A record added by someone else meanwhile has the same child and date: the unique index refuses this one.
        if (Version != Guid.Empty) return false;
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

    /// <summary>The move date in the query, when it is one of the child's moves; null for any other.</summary>
    private async Task<DateOnly?> MoveAsync(CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(Request.Query["movedOn"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var movedOn)) return null;
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == context.ChildKey).ToListAsync(ct);
        return global::Iro.Domain.Voice.PlacementMoves.MoveDates(episodes).Contains(movedOn) ? movedOn : null;
    }

    private Task<PlacementMoveRecord?> StoredAsync(DateOnly movedOn, CancellationToken ct, bool tracked = false)
    {
        var records = tracked ? db.PlacementMoveRecords : db.PlacementMoveRecords.AsNoTracking();
        return records.SingleOrDefaultAsync(r => r.ChildId == context.ChildKey && r.MovedOn == movedOn, ct);
    }
}
