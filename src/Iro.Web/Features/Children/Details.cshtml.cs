using Iro.Domain.Children;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Children;

public sealed class DetailsModel(ChildRecordQuery query, TimetableService timetables, RecordAccessQuery recordAccess, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<PeriodOfCare> Periods { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public ChildTimetable Timetable { get; private set; } = null!;

    /// <summary>The status of the next review today; null when not looked after today or the due date is unknown.</summary>
    public DueStatus? NextStatus { get; private set; }

    /// <summary>Who opened the record, for managers and administrators; null for other roles.</summary>
    public (IReadOnlyList<RecordAccessQuery.Access> Latest, int Total)? Access { get; private set; }

    public async Task<IActionResult> OnGetAsync(string childId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var child = await query.LoadAsync(user, childId, ct);
        if (child is null) return NotFound();
        Child = child;
        Periods = PeriodsOfCare.From(child.Episodes);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var context = await timetables.ContextAsync(ct);
        Timetable = context.Compute(child.Episodes, [.. child.Reviews.Select(r => r.HeldOn)]);
        NextStatus = context.StatusOn(Timetable, Today);
        if (user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin)) Access = await recordAccess.RunAsync(child.LocalId, ct);
        return Page();
    }
}
