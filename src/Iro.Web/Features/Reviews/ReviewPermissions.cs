using Iro.Web.Access;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// Who may change what, within the children they can see (scope is applied by the queries). Admins and agency
/// coordinators may read but not write the review record.
/// </summary>
public static class ReviewPermissions
{
    /// <summary>Book a review, track consultation forms and ask to postpone or cancel.</summary>
    public static bool CanPlan(CurrentUser user) =>
        user.IsInRole(Roles.Iro) || user.IsInRole(Roles.BusinessSupport) || user.IsInRole(Roles.Manager);

    /// <summary>Record, adjourn, write decisions, the letter, midway reviews and case notes: the IRO's own work.</summary>
    public static bool CanRecord(CurrentUser user) => user.IsInRole(Roles.Iro) || user.IsInRole(Roles.Manager);

    /// <summary>Approve postponements and cancellations, and read the change audit on the record.</summary>
    public static bool IsManager(CurrentUser user) => user.IsInRole(Roles.Manager);
}
