using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Iro.Domain.Allocations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Data;

/// <summary>
/// The product's database. One model, two providers: <see cref="SqliteIroDbContext"/> and
/// <see cref="PostgresIroDbContext"/> exist only so each provider keeps its own migrations.
/// </summary>
public abstract class IroDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Child> Children => Set<Child>();
    public DbSet<CareEpisode> CareEpisodes => Set<CareEpisode>();
    public DbSet<ReviewingOfficer> ReviewingOfficers => Set<ReviewingOfficer>();
    public DbSet<IroAllocation> IroAllocations => Set<IroAllocation>();
    public DbSet<SocialWorkerAssignment> SocialWorkerAssignments => Set<SocialWorkerAssignment>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AddedBankHoliday> AddedBankHolidays => Set<AddedBankHoliday>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<ReviewChangeRequest> ReviewChangeRequests => Set<ReviewChangeRequest>();
    public DbSet<MidwayReview> MidwayReviews => Set<MidwayReview>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<EscalationStage> EscalationStages => Set<EscalationStage>();
    public DbSet<OfficerFteChange> OfficerFteChanges => Set<OfficerFteChange>();
    public DbSet<ParentChildLink> ParentChildLinks => Set<ParentChildLink>();
    public DbSet<AgencyReferral> AgencyReferrals => Set<AgencyReferral>();
    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();
    public DbSet<AdvocacyReferral> AdvocacyReferrals => Set<AdvocacyReferral>();
    public DbSet<IndependentVisitor> IndependentVisitors => Set<IndependentVisitor>();
    public DbSet<PlacementMoveRecord> PlacementMoveRecords => Set<PlacementMoveRecord>();
    public DbSet<FeedbackReturn> FeedbackReturns => Set<FeedbackReturn>();
    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();
    public DbSet<FileAudit> FileAudits => Set<FileAudit>();
    public DbSet<ConnectedPersonApproval> ConnectedPersonApprovals => Set<ConnectedPersonApproval>();
    public DbSet<Iro.Domain.AnnualReport.AnnualReportEdition> AnnualReportEditions => Set<Iro.Domain.AnnualReport.AnnualReportEdition>();
    public DbSet<Features.Account.UserSession> UserSessions => Set<Features.Account.UserSession>();

    /// <summary>The data-protection key ring, shared by every instance of the app (see <see cref="Security.DataProtectionSetup"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Features.Scheduling.ScheduledWorkLease> ScheduledWorkLeases => Set<Features.Scheduling.ScheduledWorkLease>();

    public DbSet<Features.Timetable.Store.TimetabledReviewRow> TimetabledReviews => Set<Features.Timetable.Store.TimetabledReviewRow>();
    public DbSet<Features.Timetable.Store.ChildTimetableState> ChildTimetableStates => Set<Features.Timetable.Store.ChildTimetableState>();
    public DbSet<Features.Timetable.Store.TimetableRecompute> TimetableRecomputes => Set<Features.Timetable.Store.TimetableRecompute>();
    public DbSet<Features.Timetable.Store.TimetableStamp> TimetableStamps => Set<Features.Timetable.Store.TimetableStamp>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // 903 codes are stored by name ("C2", "PN3") so the database reads like the return.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IroDbContext).Assembly);
        // EF Core cannot generate a compiled model with query filters in it; the compiled model adds them itself.
        if (!CompiledModel.BeingGenerated)
            QueryFilters.ApplyTo(builder);
    }
}

public sealed class SqliteIroDbContext(DbContextOptions<SqliteIroDbContext> options) : IroDbContext(options);

public sealed class PostgresIroDbContext(DbContextOptions<PostgresIroDbContext> options) : IroDbContext(options);
