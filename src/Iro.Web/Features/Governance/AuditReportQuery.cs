using Iro.Domain.Calendar;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Children;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Governance;

/// <summary>
/// The audit for information governance: everything done to one child's record (reads of any child-level page,
/// download or API route, and changes to any of the child's entries), or everything one user read or changed,
/// between two dates (days in UK time, both included), latest first.
/// </summary>
public sealed class AuditReportQuery(IroDbContext db)
{
    /// <summary>Audit entity types that are reads of one child's record, keyed by the child's local id.</summary>
    private static readonly string[] ChildReads = [AuditLog.ChildEntity, OpenedPage.LegacyTimetableEntity];

    /// <summary>One audit entry, readable.</summary>
    public sealed record Line(DateTimeOffset At, string UserEmail, string UserName, string Action, string? ChildId, string EntityType, string EntityKey, string What);

    /// <summary>The filters, checked: a child (by local id) or a user (by e-mail), or both.</summary>
    public sealed record Filter(int? ChildId, string? ChildLocalId, string? UserId, DateOnly? From, DateOnly? To);

    /// <summary>The audit entries the filter selects, latest first.</summary>
    public async Task<IQueryable<AuditEntry>> EntriesAsync(Filter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = Between(filter.From, filter.To);
        if (filter.ChildId is { } childId)
        {
            var localId = filter.ChildLocalId;
            var changes = await ChildOwnedEntries.ChangesToAsync(db, childId, ct);
            var reads = entries.Where(e => e.Action == AuditLog.ReadAction && ChildReads.Contains(e.EntityType) && e.EntityKey == localId);
            entries = reads.Union(entries.Where(e => e.Action != AuditLog.ReadAction).Where(changes));
        }

        if (filter.UserId is { } userId) entries = entries.Where(e => e.UserId == userId);
        return entries.OrderByDescending(e => e.Id);
    }

    /// <summary>The entries in words: who (e-mail and name), what was opened or changed, and the child it concerns.</summary>
    public async Task<IReadOnlyList<Line>> DescribeAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (Email: u.Email ?? u.Id, Name: u.DisplayName), ct);
        var owners = await ChildOwnedEntries.ChildrenOfAsync(db, entries.Where(e => !IsChildRead(e)).Select(e => (e.EntityType, e.EntityKey)), ct);
        var childIds = owners.Values.Distinct().ToList();
        var localIds = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LocalId, ct);
        return [.. entries.Select(e =>
        {
            var (email, name) = users.TryGetValue(e.UserId, out var user) ? user : (e.UserId, e.UserId);
            var child = IsChildRead(e) ? e.EntityKey
                : owners.TryGetValue((e.EntityType, e.EntityKey), out var owner) ? localIds.GetValueOrDefault(owner) : null;
            return new Line(e.At, email, name, e.Action, child, e.EntityType, e.EntityKey, What(e));
        })];
    }

    /// <summary>The report as a table: the page's columns, one row per entry (the CSV download).</summary>
    public static ReportTable ToTable(IEnumerable<Line> lines) => ReportTable.Of(lines,
        new ReportColumn<Line>("at", l => l.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        new ReportColumn<Line>("user_email", l => l.UserEmail),
        new ReportColumn<Line>("user_name", l => l.UserName),
        new ReportColumn<Line>("action", l => l.Action),
        new ReportColumn<Line>(AuditedDownload.ChildIdColumn, l => l.ChildId),
        new ReportColumn<Line>("entity_type", l => l.EntityType),
        new ReportColumn<Line>("entity_key", l => l.EntityKey),
        new ReportColumn<Line>("what", l => l.What));

    private static bool IsChildRead(AuditEntry e) => e.Action == AuditLog.ReadAction && ChildReads.Contains(e.EntityType);

    private static string What(AuditEntry e)
    {
        if (IsChildRead(e)) return OpenedPage.Describe(e.EntityType, e.NewValues);
        var subject = $"{AuditTrailQuery.Readable(e.EntityType)} {e.EntityKey}";
        if (e.Action == AuditLog.ReadAction) return $"Read {subject.ToLowerInvariant()}";
        var fields = AuditTrailQuery.Changes(e.OldValues, e.NewValues).Select(c => c.Field).ToList();
        var what = fields.Count == 0 ? $"{e.Action}: {subject}" : $"{e.Action}: {subject} ({string.Join(", ", fields)})";
        return e.Reason is { Length: > 0 } reason ? $"{what}. Reason: {reason}" : what;
    }

    /// <summary>
    /// The entries from the start of one UK day to the end of another. SQLite keeps instants as text, which EF
    /// Core will not compare; every entry is written in UTC, so the text compares in time order.
    /// </summary>
    private IQueryable<AuditEntry> Between(DateOnly? from, DateOnly? to)
    {
        var start = from is { } f ? StartOf(f) : DateTimeOffset.MinValue;
        var end = to is { } t ? StartOf(t.AddDays(1)) : DateTimeOffset.MaxValue;
        if (from is null && to is null) return db.AuditEntries.AsNoTracking();
        if (!db.Database.IsSqlite())
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (from is not null) entries = entries.Where(e => e.At >= start);
            return to is null ? entries : entries.Where(e => e.At < end);
        }

        var startText = start.UtcDateTime.ToString(SqliteInstant, System.Globalization.CultureInfo.InvariantCulture);
        var endText = end.UtcDateTime.ToString(SqliteInstant, System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.FromSqlInterpolated($"SELECT * FROM \"AuditEntries\" WHERE \"At\" >= {startText} AND \"At\" < {endText}").AsNoTracking();
    }

    private const string SqliteInstant = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Midnight at the start of a UK day, as an instant.</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ServiceClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
