using System.Linq.Expressions;
using Iro.Domain.Children;
using Iro.Domain.Officers;
using Iro.Domain.Rules;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Access;

/// <summary>
/// Record-level access, applied inside every query: a child outside the user's scope is simply not found.
/// An IRO sees children currently or previously allocated to them; an agency coordinator the children allocated
/// today to the agency's IROs (a past child only while one of them still holds it) and those referred to the agency and not yet allocated; analysts no child at all.
/// Who may change a visible child's records is narrower: <see cref="WriteScope"/>.
/// </summary>
public static class ChildAccess
{
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, CurrentUser user) => user.Scope switch
    {
        ChildScope.All => children,
        ChildScope.Officer => children.Where(c => c.IroAllocations.Any(a => a.ReviewingOfficerId == user.ReviewingOfficerId)),
        ChildScope.Agency => children.Where(AllocationRules.AllocatedOn(user.Today, a => a.ReviewingOfficer!.Agency == user.Agency)
            .Or(ReferredTo(user.Agency))),
        _ => children.Where(_ => false),
    };

    /// <summary>
    /// The child with this local ID when the user may see it, otherwise null. For service-wide roles, whose scope
    /// filters nothing, through a query compiled once: it runs on every child-level request.
    /// </summary>
    public static Task<Child?> FindVisibleAsync(this IroDbContext db, CurrentUser user, string localId, CancellationToken ct) =>
        user.Scope == ChildScope.All
            ? ChildByLocalId.For(db)(db, localId, ct)
            : db.Children.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.LocalId == localId, ct);

    private static readonly CompiledPerModel<Func<IroDbContext, string, CancellationToken, Task<Child?>>> ChildByLocalId = new(() => EF.CompileAsyncQuery(
        (IroDbContext db, string localId, CancellationToken ct) => db.Children.AsNoTracking().SingleOrDefault(c => c.LocalId == localId)));

    /// <summary>
    /// A child with an open referral to the agency, waiting for the coordinator to pick one of its IROs (a referral
    /// closes when the period is allocated or the referral is withdrawn).
    /// </summary>
    public static Expression<Func<Child, bool>> ReferredTo(string? agency) =>
        c => c.AgencyReferrals.Any(r => r.ClosedOn == null && r.Agency == agency);

    /// <summary>
    /// The user's current caseload: children allocated today to the IRO (or the agency's IROs); every child for
    /// service-wide roles. For an IRO narrower than <see cref="VisibleTo(IQueryable{Child}, CurrentUser)"/>, which
    /// also includes children allocated to them in the past; for an agency the same.
    /// </summary>
    public static IQueryable<Child> InCurrentCaseloadOf(this IQueryable<Child> children, CurrentUser user, DateOnly today) => user.Scope switch
    {
        ChildScope.All => children,
        ChildScope.Officer => children.Where(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficerId == user.ReviewingOfficerId)),
        ChildScope.Agency => children.Where(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficer!.Agency == user.Agency)),
        _ => children.Where(_ => false),
    };

    /// <summary>
    /// The user's current caseload as the home page, the children list and the IRO caseloads count it: looked
    /// after today and allocated today to the IRO (or the agency's IROs); every child looked after today for
    /// service-wide roles.
    /// </summary>
    public static IQueryable<Child> CurrentCaseloadOf(this IQueryable<Child> children, CurrentUser user, DateOnly today) =>
        children.InCurrentCaseloadOf(user, today).LookedAfterOn(today);

    /// <summary>
    /// IROs whose records the user may open: all for service-wide roles and for those who see the service's
    /// figures (analysts), otherwise their own or their agency's.
    /// </summary>
    public static IQueryable<ReviewingOfficer> VisibleTo(this IQueryable<ReviewingOfficer> officers, CurrentUser user) => user.Scope switch
    {
        ChildScope.All => officers,
        ChildScope.Officer => officers.Where(o => o.Id == user.ReviewingOfficerId),
        ChildScope.Agency => officers.Where(o => o.Agency == user.Agency),
        _ => user.Can(Permissions.ViewServiceFigures) ? officers : officers.Where(_ => false),
    };
}
