using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Children;

/// <summary>The child record. The child context has loaded the child within the user's scope and recorded the read.</summary>
public sealed class DetailsModel(ChildContext childContext, ChildRecordQuery query, TimetableService timetables, RecordAccessQuery recordAccess, TimeProvider clock) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<PeriodOfCare> Periods { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public ChildTimetable Timetable { get; private set; } = null!;

    /// <summary>The status of the next review today; null when not looked after today or the due date is unknown.</summary>
    public DueStatus? NextStatus { get; private set; }

    /// <summary>Who opened the record, for those who may see the audit; null for others.</summary>
    public (IReadOnlyList<RecordAccessQuery.Access> Latest, int Total)? Access { get; private set; }

    /// <summary>Changes of social worker in the 12 months to today (<see cref="SocialWorkerChanges"/>).</summary>
    public int SocialWorkerChangesInYear { get; private set; }

    public bool CanAddSocialWorker { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Child = await query.LoadAsync(childContext.ChildKey, ct);
        Periods = PeriodsOfCare.From(Child.Episodes);
        Today = clock.ServiceToday();
        var context = await timetables.ContextAsync(ct);
        Timetable = context.Compute(Child.Episodes, [.. Child.Reviews.Select(r => r.HeldOn)]);
        NextStatus = context.StatusOn(Timetable, Today);
        SocialWorkerChangesInYear = SocialWorkerChanges.CountInYearTo(Child.SocialWorkerAssignments, Today);
        CanAddSocialWorker = await childContext.CanChangeAsync(Permissions.RecordVoice);
        if (await childContext.CanAsync(Permissions.ViewAudit)) Access = await recordAccess.RunAsync(Child.LocalId, ct);
    }
}
