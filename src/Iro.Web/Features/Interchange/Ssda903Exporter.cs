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

        // Each table is read as a projection of the columns a return carries, episodes and reviews in storage order
        // (TableScan): a year's rows are most of those tables.
        var episodes = (await db.Scanned<CareEpisode>().AsNoTracking().Overlapping(start, end)
                .Select(e => new CareEpisode
                {
                    ChildId = e.ChildId, Start = e.Start, End = e.End, ReasonForNewEpisode = e.ReasonForNewEpisode, LegalStatus = e.LegalStatus,
                    CategoryOfNeed = e.CategoryOfNeed, Placement = e.Placement, PlacementProvider = e.PlacementProvider, ReasonCeased = e.ReasonCeased,
                    ReasonPlaceChange = e.ReasonPlaceChange, HomePostcode = e.HomePostcode, PlacementPostcode = e.PlacementPostcode, Urn = e.Urn,
                })
                .ToListAsync(ct))
            .ToLookup(e => e.ChildId);
        var stored = (await db.Set<Ssda903StoredRow>().AsNoTracking().Where(r => r.YearStart == start)
                .Select(r => new { r.ChildId, r.Table, r.Position, r.Values }).ToListAsync(ct))
            .ToLookup(r => r.ChildId);
        var careLeavers = stored.Where(g => g.Any(r => r.Table == Ssda903Table.Oc3)).Select(g => g.Key).ToHashSet();
        // Only the fields a return carries: names and the service's own records stay in the database.
        var children = (await db.Children.AsNoTracking().Select(c => new Child
            {
                Id = c.Id, LocalId = c.LocalId, Sex = c.Sex, DateOfBirth = c.DateOfBirth, Ethnicity = c.Ethnicity, Upn = c.Upn,
                IsUnaccompaniedAsylumSeeker = c.IsUnaccompaniedAsylumSeeker, UascCeased = c.UascCeased,
            }).ToListAsync(ct))
            .Where(c => episodes.Contains(c.Id) || careLeavers.Contains(c.Id))
            .ToDictionary(c => c.Id);
        var extras = await db.Set<Ssda903ChildHeader>().AsNoTracking().ToDictionaryAsync(h => h.ChildId, ct);

        // Rule 399: a child whose episodes are all short breaks (V3/V4) has no MOTHER or reviews in the return.
        var shortBreaksOnly = episodes
            .Where(g => g.All(e => Ssda903Codes.ShortBreakLegalStatus.Contains(e.LegalStatus.ToString())))
            .Select(g => g.Key).ToHashSet();
        // Rule 1012: only children with an episode in the year have reviews, missing, OC2 and the adoption tables.
        bool InCare(int childId) => episodes.Contains(childId);

        foreach (var child in children.Values)
        {
            extras.TryGetValue(child.Id, out var extra);
            var shortBreaks = shortBreaksOnly.Contains(child.Id);
            ret.Header.Add(new HeaderRow
            {
                Child = child.LocalId, SexCode = Ssda903Codes.EncodeSex(child.Sex.ToString(), year), Dob = child.DateOfBirth, Ethnic = child.Ethnicity.ToString(), Upn = child.Upn,
                Mother = shortBreaks ? null : extra?.Mother, McDob = Ssda903Date.FromDateOnly(shortBreaks ? null : extra?.MotherChildDob),
            });
            if (child.IsUnaccompaniedAsylumSeeker)
            {
                ret.Uasc.Add(new UascRow { Child = child.LocalId, SexCode = Ssda903Codes.EncodeSex(child.Sex.ToString(), year), Dob = child.DateOfBirth, Duc = Ssda903Date.FromDateOnly(child.UascCeased) });
            }

            foreach (var episode in episodes[child.Id]) ret.Episodes.Add(EpisodeRow(child, episode, end));
            if (!stored.Contains(child.Id)) continue;
            foreach (var row in stored[child.Id].Where(r => InCare(child.Id) || r.Table == Ssda903Table.Oc3).OrderBy(r => r.Table).ThenBy(r => r.Position))
            {
                var cells = new List<string?> { child.LocalId };
                cells.AddRange(JsonSerializer.Deserialize<string?[]>(row.Values) ?? []);
                ret.Add(Ssda903Schema.CreateRow(row.Table, cells));
            }
        }

        // A review's many recording columns are not part of the return: only its date and participation code are read.
        var reviews = await ReviewsToExport(db.Scanned<Review>().AsNoTracking(), year).Select(r => new { r.ChildId, r.HeldOn, r.Participation }).ToListAsync(ct);
        foreach (var review in reviews.Where(r => InCare(r.ChildId) && !shortBreaksOnly.Contains(r.ChildId)))
        {
            var child = children[review.ChildId];
            ret.Reviews.Add(new ReviewRow { Child = child.LocalId, Dob = child.DateOfBirth, Review = review.HeldOn, ReviewCode = review.Participation?.ToString() });
        }

        var missing = await db.Set<MissingEpisode>().AsNoTracking().Where(m => m.Start >= start && m.Start <= end)
            .Select(m => new { m.ChildId, m.Type, m.Start, m.End }).ToListAsync(ct);
        foreach (var m in missing.Where(m => InCare(m.ChildId)))
        {
            var child = children[m.ChildId];
            ret.Missing.Add(new MissingRow { Child = child.LocalId, Dob = child.DateOfBirth, Missing = m.Type?.ToString(), MisStart = m.Start, MisEnd = Ssda903Date.FromDateOnly(m.End) });
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
                Child = child.LocalId, Dob = child.DateOfBirth, SdqScore = o.SdqScore, SdqReason = o.SdqReason, Convicted = o.Convicted,
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
                    Child = child.LocalId, Dob = child.DateOfBirth, SwId = a.WorkerId ?? WorkerIdFor(a.SocialWorkerName),
                    SwDecom = a.From, SwDec = Ssda903Date.FromDateOnly(ended ? a.To : null), SwReason = a.ReasonForChange,
                });
            }
        }

        return ret;
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

    private static EpisodeRow EpisodeRow(Child child, CareEpisode e, DateOnly yearEnd)
    {
        // An episode that ended after 31 March was open at the year's end.
        var ended = e.End is { } endDate && endDate <= yearEnd;
        return new EpisodeRow
        {
            Child = child.LocalId, Decom = e.Start, Rne = e.ReasonForNewEpisode.ToString(), Ls = e.LegalStatus.ToString(),
            Cin = e.CategoryOfNeed.ToString(), Place = e.Placement.ToString(), PlaceProvider = e.PlacementProvider?.ToString(),
            Dec = Ssda903Date.FromDateOnly(ended ? e.End : null), Rec = ended ? e.ReasonCeased?.ToString() : null,
            ReasonPlaceChange = ended ? e.ReasonPlaceChange?.ToString() : null,
            HomePost = e.HomePostcode, PlPost = e.PlacementPostcode, Urn = e.Urn,
        };
    }

    /// <summary>Writes the year's return as CSV files to <paramref name="directory"/>; returns the return and its findings.</summary>
    public async Task<(Ssda903Return Return, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Files)> WriteAsync(
        CollectionYear year, string directory, CancellationToken ct)
    {
        Ssda903Return ret;
        using (IroTelemetry.ActivitySource.StartActivity("903 export: build")) ret = await BuildAsync(year, ct);
        IReadOnlyList<string> files;
        using (IroTelemetry.ActivitySource.StartActivity("903 export: write")) files = Ssda903Writer.WriteDirectory(ret, directory, year);
        using var validate = IroTelemetry.ActivitySource.StartActivity("903 export: validate");
        var findings = Ssda903Validator.Validate(ret, year)
            .Select(f => f.Table is { } table ? f with { Source = Ssda903Schema.FileName(table) } : f).ToList();
        return (ret, findings, files);
    }
}
