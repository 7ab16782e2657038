using System.Text.Json;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Ssda903;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Merges a validated return into the database in one transaction. Keys: children by CHILD, episodes by
/// (CHILD, DECOM), reviews by (CHILD, REVIEW), missing by (CHILD, MIS_START), social-worker episodes by
/// (CHILD, SW_DECOM), OC2 by (CHILD, year); the unmodelled tables are replaced per (CHILD, table, year).
/// A row equal to what is stored changes nothing. Existing keys are loaded once into dictionaries and
/// writes go in batches with change detection off, so a national return needs no per-row query.
/// </summary>
internal sealed class Ssda903Merge(IroDbContext db, Ssda903Return ret, IProgress<ImportProgress>? progress, int total)
{
    private const int BatchSize = 5000;

    /// <summary>Tables kept as rows of text rather than typed entities.</summary>
    public static readonly IReadOnlyList<Ssda903Table> StoredTables =
        [Ssda903Table.Oc3, Ssda903Table.Ad1, Ssda903Table.PlacedAdoption, Ssda903Table.PrevPerm, Ssda903Table.DoLo];

    private readonly CollectionYear _year = ret.Year;
    private Dictionary<string, int> _childIds = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<object>> _inserts = [];
    private int _pending;
    private int _processed;

    public async Task RunAsync(Ssda903Import record, CancellationToken ct)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            (record.ChildrenAdded, record.ChildrenUpdated) = await ChildrenAsync(ct);
            (record.EpisodesAdded, record.EpisodesUpdated) = await EpisodesAsync(ct);
            (record.ReviewsAdded, record.ReviewsUpdated) = await ReviewsAsync(ct);
            var other = new[]
            {
                await MissingAsync(ct), await OutcomesAsync(ct), await SocialWorkersAsync(ct), await HeaderExtrasAsync(ct), await StoredRowsAsync(ct),
            };
            record.OtherAdded = other.Sum(o => o.Added);
            record.OtherUpdated = other.Sum(o => o.Updated);
            db.Add(record);
            await FlushAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<(int Added, int Updated)> ChildrenAsync(CancellationToken ct)
    {
        var existing = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.LocalId, StringComparer.Ordinal, ct);
        var uasc = ret.Uasc.GroupBy(u => u.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        int added = 0, updated = 0;
        foreach (var row in ret.Header)
        {
            var incoming = new Child
            {
                LocalId = row.Child,
                Sex = Enum.Parse<Sex>(row.Sex!),
                DateOfBirth = row.Dob.Value!.Value,
                Ethnicity = Enum.Parse<Ethnicity>(row.Ethnic!),
                Upn = row.Upn,
            };
            var uascRow = uasc.GetValueOrDefault(row.Child);
            if (existing.TryGetValue(row.Child, out var child))
            {
                // A return that does not list the child as UASC says nothing about earlier status, so it is kept.
                var isUasc = uascRow is not null || child.IsUnaccompaniedAsylumSeeker;
                var ceased = uascRow is not null ? uascRow.Duc.Value : child.UascCeased;
                if (child.Sex == incoming.Sex && child.DateOfBirth == incoming.DateOfBirth && child.Ethnicity == incoming.Ethnicity
                    && child.Upn == incoming.Upn && child.IsUnaccompaniedAsylumSeeker == isUasc && child.UascCeased == ceased)
                {
                    await StepAsync(ct);
                    continue;
                }

                (child.Sex, child.DateOfBirth, child.Ethnicity, child.Upn) = (incoming.Sex, incoming.DateOfBirth, incoming.Ethnicity, incoming.Upn);
                (child.IsUnaccompaniedAsylumSeeker, child.UascCeased) = (isUasc, ceased);
                db.Entry(child).State = EntityState.Modified;
                updated++;
            }
            else
            {
                incoming.IsUnaccompaniedAsylumSeeker = uascRow is not null;
                incoming.UascCeased = uascRow?.Duc.Value;
                Insert(incoming);
                added++;
            }

            await ChangedAsync(ct);
        }

        _processed += ret.Uasc.Count;
        await FlushAsync(ct);
        _childIds = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.LocalId, c => c.Id, StringComparer.Ordinal, ct);
        return (added, updated);
    }

    private async Task<(int Added, int Updated)> EpisodesAsync(CancellationToken ct)
    {
        var existing = await db.CareEpisodes.AsNoTracking().ToDictionaryAsync(e => (e.ChildId, e.Start), ct);
        int added = 0, updated = 0;
        foreach (var row in ret.Episodes)
        {
            var incoming = new CareEpisode
            {
                ChildId = _childIds[row.Child],
                Start = row.Decom.Value!.Value,
                ReasonForNewEpisode = Enum.Parse<ReasonForNewEpisode>(row.Rne!),
                LegalStatus = Enum.Parse<LegalStatus>(row.Ls!),
                CategoryOfNeed = Enum.Parse<CategoryOfNeed>(row.Cin!),
                Placement = Enum.Parse<PlacementType>(row.Place!),
                PlacementProvider = Code<PlacementProvider>(row.PlaceProvider),
                End = row.Dec.Value,
                ReasonCeased = Code<ReasonEpisodeCeased>(row.Rec),
                ReasonPlaceChange = Code<ReasonPlaceChange>(row.ReasonPlaceChange),
                HomePostcode = row.HomePost,
                PlacementPostcode = row.PlPost,
                Urn = row.Urn,
            };
            if (existing.TryGetValue((incoming.ChildId, incoming.Start), out var episode))
            {
                // Blank DEC means "open at this year's 31 March"; a later year's return may already have closed it.
                if (incoming.End is null && episode.End is { } known && known > _year.End)
                {
                    (incoming.End, incoming.ReasonCeased, incoming.ReasonPlaceChange) = (episode.End, episode.ReasonCeased, episode.ReasonPlaceChange);
                }

                if (SameEpisode(episode, incoming))
                {
                    await StepAsync(ct);
                    continue;
                }

                incoming.Id = episode.Id;
                db.Entry(incoming).State = EntityState.Modified;
                updated++;
            }
            else
            {
                Insert(incoming);
                added++;
            }

            await ChangedAsync(ct);
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    private static bool SameEpisode(CareEpisode a, CareEpisode b) =>
        a.ReasonForNewEpisode == b.ReasonForNewEpisode && a.LegalStatus == b.LegalStatus && a.CategoryOfNeed == b.CategoryOfNeed
        && a.Placement == b.Placement && a.PlacementProvider == b.PlacementProvider && a.End == b.End && a.ReasonCeased == b.ReasonCeased
        && a.ReasonPlaceChange == b.ReasonPlaceChange && a.HomePostcode == b.HomePostcode && a.PlacementPostcode == b.PlacementPostcode
        && a.Urn == b.Urn;

    private async Task<(int Added, int Updated)> ReviewsAsync(CancellationToken ct)
    {
        var existing = new Dictionary<(int, DateOnly), Review>();
        await foreach (var review in db.Reviews.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            existing.TryAdd((review.ChildId, review.HeldOn), review);
        int added = 0, updated = 0;
        foreach (var row in ret.Reviews)
        {
            var key = (_childIds[row.Child], row.Review.Value!.Value);
            var participation = Code<ParticipationCode>(row.ReviewCode);
            if (existing.TryGetValue(key, out var review))
            {
                if (review.Participation == participation)
                {
                    await StepAsync(ct);
                    continue;
                }

                review.Participation = participation;
                db.Entry(review).State = EntityState.Modified;
                updated++;
            }
            else
            {
                Insert(new Review { ChildId = key.Item1, HeldOn = key.Item2, Participation = participation });
                added++;
            }

            await ChangedAsync(ct);
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    private async Task<(int Added, int Updated)> MissingAsync(CancellationToken ct)
    {
        var existing = new Dictionary<(int, DateOnly), MissingEpisode>();
        await foreach (var missing in db.Set<MissingEpisode>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            existing.TryAdd((missing.ChildId, missing.Start), missing);
        int added = 0, updated = 0;
        foreach (var row in ret.Missing)
        {
            var incoming = new MissingEpisode
            {
                ChildId = _childIds[row.Child], Start = row.MisStart.Value!.Value, End = row.MisEnd.Value, Type = Code<MissingType>(row.Missing),
            };
            if (existing.TryGetValue((incoming.ChildId, incoming.Start), out var missing))
            {
                if (missing.End == incoming.End && missing.Type == incoming.Type)
                {
                    await StepAsync(ct);
                    continue;
                }

                (missing.End, missing.Type) = (incoming.End, incoming.Type);
                db.Entry(missing).State = EntityState.Modified;
                updated++;
            }
            else
            {
                Insert(incoming);
                // Exact repeats in the file (a validator warning) become one row.
                existing[(incoming.ChildId, incoming.Start)] = incoming;
                added++;
            }

            await ChangedAsync(ct);
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    private async Task<(int Added, int Updated)> OutcomesAsync(CancellationToken ct)
    {
        var yearStart = _year.Start;
        var existing = await db.Set<HealthOutcomes>().AsNoTracking().Where(o => o.YearStart == yearStart).ToDictionaryAsync(o => o.ChildId, ct);
        int added = 0, updated = 0;
        foreach (var row in ret.Oc2)
        {
            var incoming = new HealthOutcomes
            {
                ChildId = _childIds[row.Child], YearStart = yearStart, SdqScore = row.SdqScore, SdqReason = row.SdqReason,
                Convicted = row.Convicted, HealthCheck = row.HealthCheck, Immunisations = row.Immunisations, TeethCheck = row.TeethCheck,
                HealthAssessment = row.HealthAssessment, SubstanceMisuse = row.SubstanceMisuse,
                InterventionReceived = row.InterventionReceived, InterventionOffered = row.InterventionOffered,
            };
            if (existing.TryGetValue(incoming.ChildId, out var outcomes))
            {
                if (OutcomeValues(outcomes).SequenceEqual(OutcomeValues(incoming)))
                {
                    await StepAsync(ct);
                    continue;
                }

                incoming.Id = outcomes.Id;
                db.Entry(incoming).State = EntityState.Modified;
                updated++;
            }
            else
            {
                Insert(incoming);
                added++;
            }

            await ChangedAsync(ct);
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    private static string?[] OutcomeValues(HealthOutcomes o) =>
    [
        o.SdqScore, o.SdqReason, o.Convicted, o.HealthCheck, o.Immunisations, o.TeethCheck, o.HealthAssessment, o.SubstanceMisuse,
        o.InterventionReceived, o.InterventionOffered,
    ];

    private async Task<(int Added, int Updated)> SocialWorkersAsync(CancellationToken ct)
    {
        var existing = new Dictionary<(int, DateOnly), SocialWorkerAssignment>();
        await foreach (var assignment in db.SocialWorkerAssignments.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            existing.TryAdd((assignment.ChildId, assignment.From), assignment);
        int added = 0, updated = 0;
        foreach (var row in ret.SwEpisodes)
        {
            var key = (_childIds[row.Child], row.SwDecom.Value!.Value);
            var (workerId, to, reason) = (row.SwId, row.SwDec.Value, row.SwReason);
            if (existing.TryGetValue(key, out var assignment))
            {
                // As for episodes: a blank end in this year does not reopen one a later year closed.
                if (to is null && assignment.To is { } known && known > _year.End) to = known;
                if (assignment.WorkerId == workerId && assignment.To == to && assignment.ReasonForChange == reason)
                {
                    await StepAsync(ct);
                    continue;
                }

                // The worker's name, if the service has it, is kept: the return carries only the identifier.
                (assignment.WorkerId, assignment.To, assignment.ReasonForChange) = (workerId, to, reason);
                db.Entry(assignment).State = EntityState.Modified;
                updated++;
            }
            else
            {
                var incoming = new SocialWorkerAssignment
                {
                    ChildId = key.Item1, From = key.Item2, WorkerId = workerId, SocialWorkerName = workerId ?? string.Empty, To = to, ReasonForChange = reason,
                };
                Insert(incoming);
                existing[key] = incoming;
                added++;
            }

            await ChangedAsync(ct);
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    /// <summary>MOTHER and MC_DOB, kept only to give them back on export.</summary>
    private async Task<(int Added, int Updated)> HeaderExtrasAsync(CancellationToken ct)
    {
        var existing = await db.Set<Ssda903ChildHeader>().AsNoTracking().ToDictionaryAsync(h => h.ChildId, ct);
        int added = 0, updated = 0;
        foreach (var row in ret.Header)
        {
            var childId = _childIds[row.Child];
            var mcDob = row.McDob.Value;
            if (existing.TryGetValue(childId, out var header))
            {
                if (header.Mother == row.Mother && header.MotherChildDob == mcDob) continue;
                (header.Mother, header.MotherChildDob) = (row.Mother, mcDob);
                db.Entry(header).State = EntityState.Modified;
                updated++;
            }
            else
            {
                if (row.Mother is null && mcDob is null) continue;
                Insert(new Ssda903ChildHeader { ChildId = childId, Mother = row.Mother, MotherChildDob = mcDob });
                added++;
            }

            await ChangedAsync(ct, step: false);
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    private async Task<(int Added, int Updated)> StoredRowsAsync(CancellationToken ct)
    {
        var yearStart = _year.Start;
        var stored = (await db.Set<Ssda903StoredRow>().AsNoTracking().Where(r => r.YearStart == yearStart).ToListAsync(ct))
            .GroupBy(r => (r.ChildId, r.Table))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Position).ToList());
        int added = 0, updated = 0;
        foreach (var table in StoredTables)
        {
            foreach (var group in ret.Rows(table).GroupBy(r => r.Child, StringComparer.Ordinal))
            {
                var childId = _childIds[group.Key];
                var values = group.OrderBy(r => r.RowNumber).Select(r => JsonSerializer.Serialize(r.RawValues().Skip(1).ToArray())).ToList();
                _processed += values.Count;
                var old = stored.GetValueOrDefault((childId, table)) ?? [];
                if (old.Select(r => r.Values).SequenceEqual(values, StringComparer.Ordinal)) continue;
                db.RemoveRange(old);
                for (var i = 0; i < values.Count; i++)
                {
                    Insert(new Ssda903StoredRow { ChildId = childId, YearStart = yearStart, Table = table, Position = i, Values = values[i] });
                }

                if (old.Count > 0) updated += values.Count;
                else added += values.Count;
                // Deletions and inserts of one child's rows go in one batch so positions never clash.
                _pending += old.Count + values.Count;
                if (_pending >= BatchSize) await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    private static T? Code<T>(string? code)
        where T : struct, Enum => code is null ? null : Enum.Parse<T>(code);

    /// <summary>A row that matched what is stored: only progress moves.</summary>
    private Task StepAsync(CancellationToken ct)
    {
        _processed++;
        if (_processed % 2000 == 0) Report();
        return Task.CompletedTask;
    }

    /// <summary>A row added or changed: written when the batch is full.</summary>
    private async Task ChangedAsync(CancellationToken ct, bool step = true)
    {
        if (step) await StepAsync(ct);
        if (++_pending >= BatchSize) await FlushAsync(ct);
    }

    /// <summary>New rows go in bulk (<see cref="BulkInsert"/>); updates and deletions through the change tracker.</summary>
    private void Insert(object entity)
    {
        if (!_inserts.TryGetValue(entity.GetType(), out var list)) _inserts[entity.GetType()] = list = [];
        list.Add(entity);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_pending > 0 || db.ChangeTracker.HasChanges())
        {
            // Deletions first, so replaced rows never clash with their replacements.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        foreach (var (type, entities) in _inserts)
        {
            await BulkInsert.InsertAsync(db, type, entities, ct);
            entities.Clear();
        }

        _pending = 0;
        Report();
    }

    private void Report() => progress?.Report(new ImportProgress(ImportStage.Writing, Math.Min(_processed, total), total));
}
