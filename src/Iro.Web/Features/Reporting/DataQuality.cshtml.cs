using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reporting;

/// <summary>Children in the user's scope whose timetable is a best effort because of problems in their data.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class DataQualityModel(TimetableService timetables, IroDbContext db, CurrentUserAccessor currentUser) : PageModel
{
    public IReadOnlyList<ChildTimetableEntry> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var entries = await timetables.LoadAsync(db.Children.VisibleTo(user), null, ct);
        Children = [.. entries.Where(e => !e.Timetable.IsReliable)];
    }
}
