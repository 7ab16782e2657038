using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Iro.Web.Features.Timetable.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Reporting;

/// <summary>Children in the user's scope whose timetable is a best effort because of problems in their data.</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class DataQualityModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<ChildTimetableEntry> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var today = clock.ServiceToday();
        Children = await results.GetAsync(db, "data-quality", user, "", today, services => ComputeAsync(services, user, today), ct);
    }

    /// <summary>The stored state says which children have problems; only their timetables are computed, for the messages.</summary>
    private static async Task<IReadOnlyList<ChildTimetableEntry>> ComputeAsync(IServiceProvider services, CurrentUser user, DateOnly today)
    {
        await services.GetRequiredService<TimetableStore>().EnsureFreshAsync(today, CancellationToken.None);
        var db = services.GetRequiredService<IroDbContext>();
        var unreliable = db.ChildTimetableStates.Where(s => !s.Reliable).Select(s => s.ChildId);
        return await services.GetRequiredService<TimetableService>()
            .LoadAsync(db.Children.VisibleTo(user).Where(c => unreliable.Contains(c.Id)), null, CancellationToken.None);
    }
}
