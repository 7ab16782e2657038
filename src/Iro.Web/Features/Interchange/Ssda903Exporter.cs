using System.Text.Json;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Operations.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Builds a collection year's 903 return from the database: children looked after at any time in the year
/// (and care leavers with OC3 rows for it), their episodes overlapping the year, reviews held in it, and the
/// other tables. Whatever happened after 31 March is left out: an episode still open then is written with a
/// blank DEC, so the return is the one the council would have sent that year.
/// </summary>
public sealed class Ssda903Exporter(IroDbContext db)
{
    /// <summary>
    /// The reviews a return reports: those held in the year. Every review the service stores counts today;
    /// when planned or cancelled reviews are stored, this is the one place to keep only reviews held.
    /// </summary>
    public static IQueryable<Review> ReviewsToExport(IQueryable<Review> reviews, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (start, end) = (year.Start, year.End);
        return reviews.Held().Where(r => r.HeldOn >= start && r.HeldOn <= end);
    }

    public async Task<Ssda903Return> BuildAsync(CollectionYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (start, end) = (year.Start, year.End);
        var ret = new Ssda903Return(year);
        var dates = new DateTexts();

        // Only the fields a return carries: names and the service's own records stay in the database. The large
        // tables (children, the year's episodes and reviews, child headers) are read from the query's data reader
        // (QueryRows), episodes and reviews in storage order (TableScan): a year's rows are most of those tables.
        var allChildren = new Dictionary<int, ExportChild>();
        await db.Children.AsNoTracking()
            .Select(c => new { c.Id, c.LocalId, c.Sex, c.DateOfBirth, c.Ethnicity, c.Upn, c.IsUnaccompaniedAsylumSeeker, c.UascCeased })
            .ReadEachAsync(db, r => allChildren[r.GetInt32(0)] = new ExportChild(
                r.GetString(1), r.GetString(2), dates[r.GetDate(3)], r.GetString(4), r.GetStringOrNull(5), r.GetBoolean(6), r.GetDateOrNull(7)), ct);

        var episodes = new Dictionary<int, ChildEpisodes>();
        await db.Scanned<CareEpisode>().AsNoTracking().Overlapping(start, end)
            .Select(e => new
            {
                e.ChildId, e.Start, e.End, e.ReasonForNewEpisode, e.LegalStatus, e.CategoryOfNeed, e.Placement, e.PlacementProvider,
                e.ReasonCeased, e.ReasonPlaceChange, e.HomePostcode, e.PlacementPostcode, e.Urn,
            })
            .ReadEachAsync(db, r =>
            {
                var childId = r.GetInt32(0);
                if (!episodes.TryGetValue(childId, out var held)) episodes[childId] = held = new ChildEpisodes();
                // An episode that ended after 31 March was open at the year's end.
                var ended = r.GetDateOrNull(2) is { } endDate && endDate <= end ? endDate : (DateOnly?)null;
                var legalStatus = r.GetString(4);
                // Rule 399: a child whose episodes are all short breaks (V3/V4) has no MOTHER or reviews in the return.
                held.ShortBreaksOnly &= Ssda903Codes.ShortBreakLegalStatus.Contains(legalStatus);
                held.Rows.Add(new EpisodeRow
                {
                    Child = allChildren[childId].LocalId, Decom = dates[r.GetDate(1)], Rne = r.GetString(3), Ls = legalStatus,
                    Cin = r.GetString(5), Place = r.GetString(6), PlaceProvider = r.GetStringOrNull(7),
                    Dec = dates[ended], Rec = ended is null ? null : r.GetStringOrNull(8),
                    ReasonPlaceChange = ended is null ? null : r.GetStringOrNull(9),
                    HomePost = r.GetStringOrNull(10), PlPost = r.GetStringOrNull(11), Urn = r.GetStringOrNull(12),
                });
            }, ct);
        var stored = (await db.Set<Ssda903StoredRow>().AsNoTracking().Where(r => r.YearStart == start)
                .Select(r => new { r.ChildId, r.Table, r.Position, r.Values }).ToListAsync(ct))
            .ToLookup(r => r.ChildId);
        var careLeavers = stored.Where(g => g.Any(r => r.Table == Ssda903Table.Oc3)).Select(g => g.Key).ToHashSet();
        var children = allChildren.Where(c => episodes.ContainsKey(c.Key) || careLeavers.Contains(c.Key)).ToDictionary();
        var extras = new Dictionary<int, (string? Mother, DateOnly? MotherChildDob)>();
        await db.Set<Ssda903ChildHeader>().AsNoTracking().Select(h => new { h.ChildId, h.Mother, h.MotherChildDob })
            .ReadEachAsync(db, r => extras.Add(r.GetInt32(0), (r.GetStringOrNull(1), r.GetDateOrNull(2))), ct);

        // Rule 1012: only children with an episode in the year have reviews, missing, OC2 and the adoption tables.
        bool InCare(int childId) => episodes.ContainsKey(childId);
        bool ShortBreaksOnly(int childId) => episodes.TryGetValue(childId, out var held) && held.ShortBreaksOnly;

        foreach (var (childId, child) in children)
        {
            var extra = extras.GetValueOrDefault(childId);
            var shortBreaks = ShortBreaksOnly(childId);
            var sexCode = Ssda903Codes.EncodeSex(child.Sex, year);
            ret.Header.Add(new HeaderRow
            {
                Child = child.LocalId, SexCode = sexCode, Dob = child.Dob, Ethnic = child.Ethnicity, Upn = child.Upn,
                Mother = shortBreaks ? null : extra.Mother, McDob = dates[shortBreaks ? null : extra.MotherChildDob],
            });
            if (child.IsUnaccompaniedAsylumSeeker)
            {
                ret.Uasc.Add(new UascRow { Child = child.LocalId, SexCode = sexCode, Dob = child.Dob, Duc = dates[child.UascCeased] });
            }

            if (episodes.TryGetValue(childId, out var held)) ret.Episodes.AddRange(held.Rows);
            if (!stored.Contains(childId)) continue;
            foreach (var row in stored[childId].Where(r => InCare(childId) || r.Table == Ssda903Table.Oc3).OrderBy(r => r.Table).ThenBy(r => r.Position))
            {
                var cells = new List<string?> { child.LocalId };
                cells.AddRange(JsonSerializer.Deserialize<string?[]>(row.Values) ?? []);
                ret.Add(Ssda903Schema.CreateRow(row.Table, cells));
            }
        }

        // A review's many recording columns are not part of the return: only its date and participation code are read.
        await ReviewsToExport(db.Scanned<Review>().AsNoTracking(), year).Select(r => new { r.ChildId, r.HeldOn, r.Participation })
            .ReadEachAsync(db, r =>
            {
                var childId = r.GetInt32(0);
                if (!InCare(childId) || ShortBreaksOnly(childId)) return;
                var child = children[childId];
                ret.Reviews.Add(new ReviewRow { Child = child.LocalId, Dob = child.Dob, Review = dates[r.GetDate(1)], ReviewCode = r.GetStringOrNull(2) });
            }, ct);

        var missing = await db.Set<MissingEpisode>().AsNoTracking().Where(m => m.Start >= start && m.Start <= end)
            .Select(m => new { m.ChildId, m.Type, m.Start, m.End }).ToListAsync(ct);
        foreach (var m in missing.Where(m => InCare(m.ChildId)))
        {
            var child = children[m.ChildId];
            ret.Missing.Add(new MissingRow { Child = child.LocalId, Dob = child.Dob, Missing = m.Type?.ToString(), MisStart = dates[m.Start], MisEnd = dates[m.End] });
        }

        var outcomes = await db.Set<HealthOutcomes>().AsNoTracking().Where(o => o.YearStart == start)
            .Select(o => new HealthOutcomes
            {
                ChildId = o.ChildId, SdqScore = o.SdqScore, SdqReason = o.SdqReason, Convicted = o.Convicted, HealthCheck = o.HealthCheck,
                Immunisations = o.Immunisations, TeethCheck = o.TeethCheck, HealthAssessment = o.HealthAssessment, SubstanceMisuse = o.SubstanceMisuse,
                InterventionReceived = o.InterventionReceived, InterventionOffered = o.InterventionOffered,
            })
            .ToListAsync(ct);
        foreach (var o in outcomes.Where(o => InCare(o.ChildId)))
        {
            var child = children[o.ChildId];
            ret.Oc2.Add(new Oc2Row
            {
                Child = child.LocalId, Dob = child.Dob, SdqScore = o.SdqScore, SdqReason = o.SdqReason, Convicted = o.Convicted,
                HealthCheck = o.HealthCheck, Immunisations = o.Immunisations, TeethCheck = o.TeethCheck, HealthAssessment = o.HealthAssessment,
                SubstanceMisuse = o.SubstanceMisuse, InterventionReceived = o.InterventionReceived, InterventionOffered = o.InterventionOffered,
            });
        }

        if (year.CollectsSwEpisodes)
        {
            var assignments = await db.SocialWorkerAssignments.AsNoTracking().Where(a => a.From <= end && (a.To == null || a.To >= start))
                .Select(a => new { a.ChildId, a.WorkerId, a.SocialWorkerName, a.From, a.To, a.ReasonForChange }).ToListAsync(ct);
            foreach (var a in assignments.Where(a => children.ContainsKey(a.ChildId)))
            {
                var child = children[a.ChildId];
                var ended = a.To is { } to && to <= end;
                ret.SwEpisodes.Add(new SwEpisodeRow
                {
                    Child = child.LocalId, Dob = child.Dob, SwId = a.WorkerId ?? WorkerIdFor(a.SocialWorkerName),
                    SwDecom = dates[a.From], SwDec = dates[ended ? a.To : null], SwReason = a.ReasonForChange,
                });
            }
        }

        return ret;
    }

    /// <summary>A child's fields a return carries, enums by their stored names (a 903 code).</summary>
    private sealed record ExportChild(
        string LocalId, string Sex, Ssda903Date Dob, string Ethnicity, string? Upn, bool IsUnaccompaniedAsylumSeeker, DateOnly? UascCeased);

    private sealed class ChildEpisodes
    {
        public List<EpisodeRow> Rows { get; } = [];

        public bool ShortBreaksOnly { get; set; } = true;
    }

    /// <summary>
    /// Each date's cell text formatted once: a return repeats a few thousand dates across hundreds of thousands of
    /// cells, and every row then shares the same text.
    /// </summary>
    private sealed class DateTexts
    {
        private readonly Dictionary<DateOnly, Ssda903Date> _texts = [];

        public Ssda903Date this[DateOnly date]
        {
            get
            {
                if (!_texts.TryGetValue(date, out var text)) _texts[date] = text = Ssda903Date.FromDateOnly(date);
                return text;
            }
        }

        public Ssda903Date this[DateOnly? date] => date is { } d ? this[d] : default;
    }

    /// <summary>
    /// SW_ID for a worker the service knows only by name: a stable identifier derived from the name, because a
    /// return carries an identifier and never a worker's name.
    /// </summary>
    public static string? WorkerIdFor(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name.Trim().ToUpperInvariant()));
        return "SW" + Convert.ToHexString(hash, 0, 4);
    }

    /// <summary>Writes the year's return as CSV files to <paramref name="directory"/>; returns the return and its findings.</summary>
    public async Task<(Ssda903Return Return, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Files)> WriteAsync(
        CollectionYear year, string directory, CancellationToken ct)
    {
        Ssda903Return ret;
        using (IroTelemetry.ActivitySource.StartActivity("903 export: build")) ret = await BuildAsync(year, ct);
        // The files are written while the return is checked: both only read it, and each takes a core.
        var validating = Task.Run(() =>
        {
            using var validate = IroTelemetry.ActivitySource.StartActivity("903 export: validate");
            return Ssda903Validator.Validate(ret, year)
                .Select(f => f.Table is { } table ? f with { Source = Ssda903Schema.FileName(table) } : f).ToList();
        }, ct);
        IReadOnlyList<string> files;
        using (IroTelemetry.ActivitySource.StartActivity("903 export: write")) files = Ssda903Writer.WriteDirectory(ret, directory, year);
        var findings = await validating;
        return (ret, findings, files);
    }
}
