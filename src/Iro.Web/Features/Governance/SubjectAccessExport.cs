using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain.Children;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Escalations;
using Iro.Web.Features.MyIro;
using Iro.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Iro.Domain.Calendar;

namespace Iro.Web.Features.Governance;

/// <summary>
/// Everything held about one child, for a subject access request: <c>record.json</c> (the profile and one
/// section per kind of record, deleted entries included and marked, with each section's count),
/// <c>audit.json</c> (who opened or changed the record, this export included) and the child's documents as
/// Word files made by the same generators as the app's downloads (records of review, escalation notices and
/// the "My IRO" letter). The export is recorded in the read audit before it is built.
/// </summary>
public sealed class SubjectAccessExport(
    IroDbContext db, AuditReportQuery auditReport, AuditLog audit, MyIroLetters myIro, IOptions<EscalationOptions> escalationOptions, TimeProvider clock)
{
    public const string RecordFile = "record.json";
    public const string AuditFile = "audit.json";
    public const string DocumentsFolder = "documents/";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record ExportFile(string Name, byte[] Content);

    /// <summary>The child's database key, by the council's id; null when there is no such child.</summary>
    public Task<int?> FindAsync(string localId, CancellationToken ct) =>
        db.Children.AsNoTracking().Where(c => c.LocalId == localId).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Records the export against <paramref name="userId"/>, then builds its files.</summary>
    public async Task<IReadOnlyList<ExportFile>> BuildAsync(int childKey, string userId, string opened, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().IgnoreQueryFilters().SingleAsync(c => c.Id == childKey, ct);
        await audit.RecordAsync(userId, AuditLog.ReadAction, AuditLog.ChildEntity, child.LocalId,
            JsonSerializer.Serialize(new { opened, export = FileName(child.LocalId) }), ct);

        var today = clock.ServiceToday();
        var documents = await DocumentsAsync(child, today, ct);
        var sections = await SectionsAsync(child, ct);
        sections["letters"] = [.. documents.Select(d => (object)new { file = d.Name })];
        var record = new
        {
            exportedAt = clock.GetUtcNow(),
            child = new
            {
                child.LocalId, child.FirstName, child.LastName, child.DateOfBirth, child.Sex, child.Ethnicity, child.Upn,
                child.IsUnaccompaniedAsylumSeeker, child.UascCeased, child.HasDisability, child.SiblingGroup, child.NeedsAssessmentOn, child.PathwayPlanOn,
            },
            counts = sections.ToDictionary(s => s.Key, s => s.Value.Count),
            sections,
        };
        var entries = await (await auditReport.EntriesAsync(new AuditReportQuery.Filter(child.Id, child.LocalId, null, null, null), ct)).ToListAsync(ct);
        var accesses = await auditReport.DescribeAsync(entries, ct);
        return
        [
            new(RecordFile, JsonSerializer.SerializeToUtf8Bytes(record, Json)),
            new(AuditFile, JsonSerializer.SerializeToUtf8Bytes(accesses, Json)),
            .. documents,
        ];
    }

    /// <summary>The export as one zip file.</summary>
    public static byte[] Zip(IEnumerable<ExportFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                using var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal).Open();
                entry.Write(file.Content);
            }
        }

        return stream.ToArray();
    }

    public static string FileName(string localId) => $"subject-access-{SafeForFileName(localId)}.zip";

    /// <summary>A child's id as part of a download's name: letters and digits kept, anything else a hyphen.</summary>
    public static string SafeForFileName(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private async Task<Dictionary<string, List<object>>> SectionsAsync(Child child, CancellationToken ct)
    {
        var id = child.Id;
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == id).OrderBy(e => e.Start).ToListAsync(ct);
        var reviewIds = await db.Reviews.IgnoreQueryFilters().Where(r => r.ChildId == id).Select(r => r.Id).ToListAsync(ct);
        var escalationIds = await db.Escalations.IgnoreQueryFilters().Where(e => e.ChildId == id).Select(e => e.Id).ToListAsync(ct);
        return new Dictionary<string, List<object>>(StringComparer.Ordinal)
        {
            ["episodes"] = [.. episodes],
            ["legalStatuses"] = [.. episodes.Select(e => (object)new { e.Start, e.End, e.LegalStatus })],
            ["placements"] = [.. episodes.Select(e => (object)new { e.Start, e.End, e.Placement, e.PlacementProvider, e.PlacementPostcode, e.Urn, e.ReasonPlaceChange })],
            ["reviews"] = await All(db.Reviews.IgnoreQueryFilters().Where(r => r.ChildId == id).OrderBy(r => r.Id), ct),
            ["decisions"] = await All(db.ReviewDecisions.IgnoreQueryFilters().Where(d => reviewIds.Contains(d.ReviewId)).OrderBy(d => d.Id), ct),
            ["reviewChangeRequests"] = await All(db.ReviewChangeRequests.IgnoreQueryFilters().Where(r => reviewIds.Contains(r.ReviewId)).OrderBy(r => r.Id), ct),
            ["notes"] = await All(db.CaseNotes.IgnoreQueryFilters().Where(n => n.ChildId == id).OrderBy(n => n.Id), ct),
            ["midwayReviews"] = await All(db.MidwayReviews.IgnoreQueryFilters().Where(m => m.ChildId == id).OrderBy(m => m.Id), ct),
            ["escalations"] = await All(db.Escalations.IgnoreQueryFilters().Where(e => e.ChildId == id).OrderBy(e => e.Id), ct),
            ["escalationStages"] = await All(db.EscalationStages.IgnoreQueryFilters().Where(s => escalationIds.Contains(s.EscalationId)).OrderBy(s => s.Id), ct),
            ["advocacy"] = await All(db.AdvocacyReferrals.IgnoreQueryFilters().Where(a => a.ChildId == id).OrderBy(a => a.Id), ct),
            ["independentVisitors"] = await All(db.IndependentVisitors.IgnoreQueryFilters().Where(v => v.ChildId == id).OrderBy(v => v.Id), ct),
            ["missingEpisodes"] = await All(db.MissingEpisodes.IgnoreQueryFilters().Where(m => m.ChildId == id).OrderBy(m => m.Id), ct),
            ["feedback"] = await All(db.FeedbackReturns.IgnoreQueryFilters().Where(f => f.ChildId == id).OrderBy(f => f.Id), ct),
            ["placementMoves"] = await All(db.PlacementMoveRecords.IgnoreQueryFilters().Where(p => p.ChildId == id).OrderBy(p => p.Id), ct),
            ["connectedPersonApprovals"] = await All(db.ConnectedPersonApprovals.IgnoreQueryFilters().Where(c => c.ChildId == id).OrderBy(c => c.Id), ct),
            ["fileAudits"] = await All(db.FileAudits.IgnoreQueryFilters().Include(f => f.Answers).Where(f => f.ChildId == id).OrderBy(f => f.Id), ct),
            ["allocations"] = await All(db.IroAllocations.IgnoreQueryFilters().Where(a => a.ChildId == id).OrderBy(a => a.From), ct),
            ["socialWorkers"] = await All(db.SocialWorkerAssignments.IgnoreQueryFilters().Where(s => s.ChildId == id).OrderBy(s => s.From), ct),
            ["agencyReferrals"] = await All(db.AgencyReferrals.IgnoreQueryFilters().Where(r => r.ChildId == id).OrderBy(r => r.Id), ct),
            ["healthOutcomes"] = await All(db.Set<HealthOutcomes>().Where(h => h.ChildId == id).OrderBy(h => h.YearStart), ct),
        };
    }

    private static async Task<List<object>> All<T>(IQueryable<T> query, CancellationToken ct) where T : class =>
        [.. await query.AsNoTracking().ToListAsync(ct)];

    /// <summary>The child's letters and notices as Word documents, as the app's own downloads make them.</summary>
    private async Task<List<ExportFile>> DocumentsAsync(Child child, DateOnly today, CancellationToken ct)
    {
        var documents = new List<ExportFile>();
        var held = await db.Reviews.AsNoTracking().Include(r => r.Chair).Include(r => r.Decisions)
            .Where(r => r.ChildId == child.Id && r.Status == ReviewStatus.Held).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var review in held)
        {
            review.Decisions.Sort((a, b) => a.Id.CompareTo(b.Id));
            documents.Add(new($"{DocumentsFolder}record-of-review-{review.Id}.docx", LetterDocument.Build(RecordOfReviewLetter.For(child, review, today))));
        }

        var escalations = await db.Escalations.AsNoTracking().Include(e => e.Stages).Include(e => e.Themes).Include(e => e.RaisedByOfficer)
            .Where(e => e.ChildId == child.Id).OrderBy(e => e.Id).AsSplitQuery().ToListAsync(ct);
        foreach (var escalation in escalations)
        {
            escalation.Stages.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            var notice = EscalationNotice.For(child, escalation, escalationOptions.Value, today);
            documents.Add(new($"{DocumentsFolder}escalation-notice-{escalation.Id}.docx", LetterDocument.Write(notice.Paragraphs())));
        }

        if (await myIro.ForChildAsync(child.Id, today, ct) is { } letter)
            documents.Add(new($"{DocumentsFolder}my-iro-letter.docx", MyIroDocument.Build([letter.Letter])));
        return documents;
    }
}
