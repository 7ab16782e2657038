using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// A child's escalations for the escalation pages, tracked for update. The child context has already loaded the
/// child within the user's scope, so escalations are found by the child's key only: another child's escalation
/// is simply not found.
/// </summary>
public sealed class EscalationWorkspace(IroDbContext db, ChildContext context, TimeProvider clock, IOptions<EscalationOptions> options, BankHolidayCalendar holidays)
{
    public const string ConcurrencyMessage =
        "Someone else changed this escalation while you were editing it. Your changes have not been saved. Reload the page to see their changes, then make yours again";

    public IroDbContext Db => db;
    public ChildContext Context => context;
    public EscalationOptions Options => options.Value;

    /// <summary>Today in the service's time zone.</summary>
    public DateOnly Today => clock.ServiceToday();

    /// <summary>The service's working-day calendar, with the bank holidays administrators added.</summary>
    public Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct) => holidays.GetAsync(ct);

    /// <summary>Every escalation of the child, newest first, with stages and themes (read only).</summary>
    public async Task<List<Escalation>> AllAsync(CancellationToken ct) =>
        await WithDetails(db.Escalations.AsNoTracking()).Where(e => e.ChildId == context.ChildKey)
            .OrderByDescending(e => e.RaisedOn).ThenByDescending(e => e.Id).ToListAsync(ct);

    /// <summary>One escalation of the child with its stages, themes and the IRO who raised it, tracked; null when it is not this child's.</summary>
    public async Task<Escalation?> FindAsync(int escalationId, CancellationToken ct)
    {
        var escalation = await WithDetails(db.Escalations).SingleOrDefaultAsync(e => e.Id == escalationId && e.ChildId == context.ChildKey, ct);
        escalation?.Stages.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return escalation;
    }

    /// <summary>
    /// The IRO an escalation is raised by: the signed-in IRO, or for a manager raising it, the child's current IRO
    /// (the IRO is personally responsible for the escalation). Null when there is neither.
    /// </summary>
    public async Task<int?> RaisingOfficerAsync(CancellationToken ct)
    {
        var user = await context.UserAsync(ct);
        if (user.ReviewingOfficerId is { } own) return own;
        return await db.IroAllocations.Where(a => a.ChildId == context.ChildKey).CurrentOn(Today)
            .OrderByDescending(a => a.From).Select(a => (int?)a.ReviewingOfficerId).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Saves with the concurrency check on the escalation's version, which every change renews (even one that
    /// only adds or answers a stage). Returns false, saving nothing, when someone else saved it in between.
    /// </summary>
    public async Task<bool> TrySaveAsync(Escalation escalation, Guid loadedVersion, CancellationToken ct)
    {
        var version = db.Entry(escalation).Property(e => e.Version);
        version.OriginalValue = loadedVersion;
        version.IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static IQueryable<Escalation> WithDetails(IQueryable<Escalation> escalations) =>
        escalations.Include(e => e.Stages).Include(e => e.Themes).Include(e => e.RaisedByOfficer).AsSplitQuery();
}
