using Microsoft.AspNetCore.Authorization;

namespace Iro.Web.Access;

/// <summary>
/// What a user may do, by name. Pages and handlers ask for a permission (as an authorization policy of the
/// same name); which roles grant it is decided here and nowhere else. Which children they may do it to is the
/// scope (<see cref="ChildAccess"/>), applied when the child is loaded.
/// </summary>
public static class Permissions
{
    /// <summary>Open child-level pages at all (within scope): everyone but analysts.</summary>
    public const string ViewChildren = nameof(ViewChildren);

    /// <summary>Book reviews, track consultation forms, ask to postpone or cancel.</summary>
    public const string PlanReviews = nameof(PlanReviews);

    /// <summary>Record, adjourn, write decisions and the letter, midway reviews and case notes: the IRO's own work.</summary>
    public const string RecordReviews = nameof(RecordReviews);

    /// <summary>Approve postponements and cancellations; record reasons for late reviews.</summary>
    public const string ApproveChanges = nameof(ApproveChanges);

    /// <summary>
    /// Change or delete an entry someone else wrote (a case note, a decision), giving a reason that goes into the
    /// audit. Everyone may change their own entries (<see cref="Authorship"/>).
    /// </summary>
    public const string ChangeOthersEntries = nameof(ChangeOthersEntries);

    /// <summary>See who opened a record and the change history of reviews.</summary>
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>Load and download SSDA903 returns; see data quality across the service.</summary>
    public const string ManageReturns = nameof(ManageReturns);

    /// <summary>Service-wide figures and every IRO's caseload, without child-level data (analysts' view).</summary>
    public const string ViewServiceFigures = nameof(ViewServiceFigures);

    /// <summary>
    /// Raise an escalation about a child's care plan and take it through the dispute resolution process: record
    /// responses, take it further, resolve it, refer to Cafcass. Reading escalations needs only <see cref="ViewChildren"/>.
    /// </summary>
    public const string Escalate = nameof(Escalate);

    /// <summary>
    /// Allocate and reallocate IROs from the referral queue. Agency coordinators hold it too, but only for the
    /// referrals sent to their agency and only with their agency's IROs.
    /// </summary>
    public const string Allocate = nameof(Allocate);

    /// <summary>Send a referral to a commissioned agency, or withdraw it.</summary>
    public const string ReferToAgency = nameof(ReferToAgency);

    /// <summary>Record IROs' FTE changes and links between looked-after parents and their children.</summary>
    public const string ManageStaffing = nameof(ManageStaffing);

    /// <summary>
    /// Record the child's voice and safety between reviews: advocacy referrals, independent visitors, missing
    /// episodes and return home interviews, placement-move consultation, children's feedback.
    /// </summary>
    public const string RecordVoice = nameof(RecordVoice);

    /// <summary>Audit children's files against the configured questions.</summary>
    public const string AuditFiles = nameof(AuditFiles);

    /// <summary>Run survey campaigns and enter their returns in bulk.</summary>
    public const string ManageSurveys = nameof(ManageSurveys);

    /// <summary>Draft, write and publish the annual report.</summary>
    public const string PublishReports = nameof(PublishReports);

    /// <summary>Service settings such as added bank holidays.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>
    /// Offered the oversight lists in the navigation: the people who work through them. Agency coordinators and
    /// administrators may still open the page (<see cref="ViewChildren"/>); it is not their daily work.
    /// </summary>
    public const string ViewOversight = nameof(ViewOversight);

    /// <summary>
    /// Offered the data-quality list in the navigation: managers, who chase the records. Other roles with
    /// <see cref="ViewChildren"/> may still open it for the children in their scope.
    /// </summary>
    public const string ViewDataQuality = nameof(ViewDataQuality);

    /// <summary>
    /// Download the "My IRO" letters of children newly allocated: business support and managers for every child,
    /// an IRO for the children newly allocated to them.
    /// </summary>
    public const string PrintMyIroLetters = nameof(PrintMyIroLetters);

    /// <summary>
    /// The activity of commissioned agencies for invoicing (reviews chaired, midway reviews, children allocated):
    /// managers, administrators and business support for every agency, an agency coordinator for their own.
    /// </summary>
    public const string ViewAgencyActivity = nameof(ViewAgencyActivity);

    /// <summary>
    /// Create staff accounts, disable and enable them, change their role and clear a lockout: administrators only.
    /// </summary>
    public const string AdministerAccounts = nameof(AdministerAccounts);
    /// Information governance: who opened or changed a child's record, and what a user opened or changed, over a
    /// date range (pages and CSV).
    public const string ViewAuditReports = nameof(ViewAuditReports);

    /// <summary>Export everything held about one child for a subject access request (a zip of JSON and documents).</summary>
    public const string ExportSubjectAccess = nameof(ExportSubjectAccess);

    /// <summary>See the records kept past their retention period, for review.</summary>
    public const string ReviewRetention = nameof(ReviewRetention);

    private static readonly Dictionary<string, string[]> GrantedTo = new(StringComparer.Ordinal)
    {
        [ViewChildren] = [Roles.Manager, Roles.BusinessSupport, Roles.Admin, Roles.Iro, Roles.AgencyCoordinator],
        [PlanReviews] = [Roles.Iro, Roles.BusinessSupport, Roles.Manager],
        [RecordReviews] = [Roles.Iro, Roles.Manager],
        [ApproveChanges] = [Roles.Manager],
        [ChangeOthersEntries] = [Roles.Manager],
        [Escalate] = [Roles.Iro, Roles.Manager],
        [ViewAudit] = [Roles.Manager, Roles.Admin],
        [ManageReturns] = [Roles.Manager, Roles.Admin],
        [ViewServiceFigures] = [Roles.Manager, Roles.BusinessSupport, Roles.Admin, Roles.Analyst],
        [Administer] = [Roles.Admin],
        [PublishReports] = [Roles.Manager],
        [Allocate] = [Roles.Manager, Roles.BusinessSupport, Roles.AgencyCoordinator],
        [ReferToAgency] = [Roles.Manager],
        [ManageStaffing] = [Roles.Manager, Roles.Admin],
        [RecordVoice] = [Roles.Iro, Roles.Manager, Roles.BusinessSupport],
        [AuditFiles] = [Roles.Manager],
        [ManageSurveys] = [Roles.Manager, Roles.BusinessSupport],
        [ViewOversight] = [Roles.Iro, Roles.BusinessSupport, Roles.Manager],
        [ViewDataQuality] = [Roles.Manager],
        [PrintMyIroLetters] = [Roles.Manager, Roles.BusinessSupport, Roles.Iro],
        [ViewAgencyActivity] = [Roles.Manager, Roles.Admin, Roles.BusinessSupport, Roles.AgencyCoordinator],
        [AdministerAccounts] = [Roles.Admin],
        [ViewAuditReports] = [Roles.Admin],
        [ExportSubjectAccess] = [Roles.Admin],
        [ReviewRetention] = [Roles.Admin],
    };

    public static IEnumerable<string> All => GrantedTo.Keys;

    /// <summary>Whether any of the roles grants the permission. Unknown permissions are granted to nobody.</summary>
    public static bool Grants(IEnumerable<string> roles, string permission) =>
        GrantedTo.TryGetValue(permission, out var granted) && roles.Any(granted.Contains);

    /// <summary>One policy per permission, each met by <see cref="PermissionHandler"/>.</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var permission in All)
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        return builder;
    }
}

/// <summary>A named permission, as an authorization requirement.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Meets a permission requirement when one of the user's roles grants it.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var roles = context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value);
        if (Permissions.Grants(roles, requirement.Permission)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
