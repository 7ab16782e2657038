using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Missing;

/// <summary>Adds a missing or away episode by hand (one the 903 return does not hold yet).</summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class NewModel(ChildContext context, IroDbContext db, TimeProvider clock) : PageModel
{
    public Child Child { get; private set; } = null!;

    [BindProperty] public string? Type { get; set; }
    [BindProperty] public DateInput Start { get; set; } = new();
    [BindProperty] public DateInput End { get; set; } = new();
    [BindProperty] public string? ReturnTime { get; set; }

    public IActionResult OnGet()
    {
        Child = context.Child;
        return context.CanWrite ? Page() : Redirect(MissingLinks.Child(Child.LocalId));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = context.Child;
        var entry = new MissingEpisodeEntry(
            Enum.TryParse<MissingType>(Type, out var type) && Enum.IsDefined(type) ? type : null,
            Start.Read(ModelState, nameof(Start), "The date the episode started"),
            End.Read(ModelState, nameof(End), "The date the child returned"),
            TimeText.Read(ModelState, nameof(ReturnTime), "The time the child returned", ReturnTime));
        var starts = await db.MissingEpisodes.Where(e => e.ChildId == context.ChildKey).Select(e => e.Start).ToListAsync(ct);
        if (!GovukForm.AddProblems(ModelState, MissingEpisodeChecks.ProblemsOf(entry, starts, clock.ServiceToday()))) return Page();

        db.MissingEpisodes.Add(new MissingEpisode
        {
            ChildId = context.ChildKey, Type = entry.Type, Start = entry.Start!.Value, End = entry.End, ReturnTime = entry.ReturnTime, EnteredByHand = true,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(MissingLinks.Child(Child.LocalId));
    }
}
