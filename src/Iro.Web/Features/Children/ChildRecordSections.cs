using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Drift;
using Iro.Domain.Escalations;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Advocacy;
using Iro.Web.Features.Drift;
using Iro.Web.Features.Escalations;
using Iro.Web.Features.Timetable;

namespace Iro.Web.Features.Children;

/// <summary>
/// The read-only sections of a child's record page, loaded together: the record itself, its review timetable, the
/// drift items, escalations and advocacy. What depends on the viewer (what they may change, who has opened the
/// record) is not here: the page asks for it on every view, as it records every view in the audit.
/// </summary>
/// <remarks>Shared by every view with the same key (<see cref="ChildRecordResults"/>): nothing here may be changed.</remarks>
public sealed record ChildRecordSections(
    DateOnly Today,
    Child Child,
    IReadOnlyList<PeriodOfCare> Periods,
    ChildTimetable Timetable,
    DueStatus? NextStatus,
    int SocialWorkerChangesInYear,
    IReadOnlyList<DriftItem> Drift,
    IReadOnlyList<Escalation> Escalations,
    WorkingDayCalendar Calendar,
    IReadOnlyList<AdvocacyReferral> AdvocacyReferrals,
    bool LacksAdvocacy)
{
    /// <summary>Loads every section for a child the request has already opened, with the services of one scope.</summary>
    public static async Task<ChildRecordSections> LoadAsync(IServiceProvider services, Child opened, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<ChildContext>().UseOpened(opened);
        var child = await services.GetRequiredService<ChildRecordQuery>().LoadAsync(opened.Id, ct);
        var timetables = await services.GetRequiredService<TimetableService>().ContextAsync(ct);
        var timetable = timetables.Compute(child.Episodes, [.. child.Reviews.Select(r => r.HeldOn)]);
        var drift = await services.GetRequiredService<DriftQuery>().ForChildAsync(opened.Id, today, ct);
        var escalations = services.GetRequiredService<EscalationWorkspace>();
        var advocacy = services.GetRequiredService<AdvocacyWorkspace>();
        var referrals = await advocacy.AllAsync(ct);
        return new ChildRecordSections(
            today,
            child,
            PeriodsOfCare.From(child.Episodes),
            timetable,
            timetables.StatusOn(timetable, today),
            SocialWorkerChanges.CountInYearTo(child.SocialWorkerAssignments, today),
            drift,
            await escalations.AllAsync(ct),
            await escalations.CalendarAsync(ct),
            referrals,
            await advocacy.LacksAdvocacyAsync(referrals, ct));
    }
}

/// <summary>
/// Child records' sections kept per data version (ADR 0012), apart from the service pages' results so that opening
/// many records does not push those out. A change to any record moves the version, so the next view loads afresh.
/// </summary>
public sealed class ChildRecordResults(IServiceScopeFactory scopes) : IDisposable
{
    private readonly VersionedResults _results = new(scopes);

    public Task<ChildRecordSections> GetAsync(IroDbContext db, CurrentUser user, Child opened, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opened);
        return _results.GetAsync(db, "child-record", user, opened.Id, today,
            services => ChildRecordSections.LoadAsync(services, opened, today, CancellationToken.None), ct);
    }

    public void Dispose() => _results.Dispose();
}
