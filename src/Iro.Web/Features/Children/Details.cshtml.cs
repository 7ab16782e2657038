using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Children;

/// <summary>
/// The child record. The child context has loaded the child within the user's scope and recorded the read. The
/// read-only sections are kept per data version (<see cref="ChildRecordResults"/>); what the user may change and
/// who has opened the record are asked on every view.
/// </summary>
public sealed class DetailsModel(ChildContext childContext, ChildRecordResults records, IroDbContext db, RecordAccessQuery recordAccess, TimeProvider clock) : PageModel
{
    public ChildRecordSections Sections { get; private set; } = null!;
    public Child Child => Sections.Child;
    public IReadOnlyList<PeriodOfCare> Periods => Sections.Periods;
    public DateOnly Today => Sections.Today;
    public ChildTimetable Timetable => Sections.Timetable;

    /// <summary>The status of the next review today; null when not looked after today or the due date is unknown.</summary>
    public DueStatus? NextStatus => Sections.NextStatus;

    /// <summary>Who opened the record, for those who may see the audit; null for others.</summary>
    public (IReadOnlyList<RecordAccessQuery.Access> Latest, int Total)? Access { get; private set; }

    /// <summary>Changes of social worker in the 12 months to today (<see cref="Iro.Domain.Rules.SocialWorkerChanges"/>).</summary>
    public int SocialWorkerChangesInYear => Sections.SocialWorkerChangesInYear;

    public bool CanAddSocialWorker { get; private set; }

    public bool CanEscalate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await childContext.UserAsync(ct);
        Sections = await records.GetAsync(db, user, childContext.Child, clock.ServiceToday(), ct);
        CanAddSocialWorker = await childContext.CanChangeAsync(Permissions.RecordVoice);
        CanEscalate = await childContext.CanChangeAsync(Permissions.Escalate);
        if (await childContext.CanAsync(Permissions.ViewAudit)) Access = await recordAccess.RunAsync(Child.LocalId, ct);
    }
}
