using System.Text.Json;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Operations.Telemetry;
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

    /// <summary>Children added by this import: inserting them queued them for a timetable recompute, so their rows need not.</summary>
    private HashSet<int> _queuedChildren = [];
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
            await using (await BulkInsert.LargeLoadAsync(db, ct))
            {
                (record.ChildrenAdded, record.ChildrenUpdated) = await TableAsync("children", ChildrenAsync, ct);
                (record.EpisodesAdded, record.EpisodesUpdated) = await TableAsync("episodes", EpisodesAsync, ct);
                await TableAsync("allocations", async c => { await CloseEndedAllocationsAsync(c); return (0, 0); }, ct);
                (record.ReviewsAdded, record.ReviewsUpdated) = await TableAsync("reviews", ReviewsAsync, ct);
                var other = new[]
                {
                    await TableAsync("missing", MissingAsync, ct), await TableAsync("outcomes", OutcomesAsync, ct),
                    await TableAsync("social workers", SocialWorkersAsync, ct), await TableAsync("header extras", HeaderExtrasAsync, ct),
                    await TableAsync("stored rows", StoredRowsAsync, ct),
                };
                record.OtherAdded = other.Sum(o => o.Added);
                record.OtherUpdated = other.Sum(o => o.Updated);
                db.Add(record);
                await FlushAsync(ct);
            }

            using (IroTelemetry.ActivitySource.StartActivity("903 merge: commit")) await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>One table's merge, traced as its own span (the benchmark's profile reads these).</summary>
    private static async Task<(int Added, int Updated)> TableAsync(string table, Func<CancellationToken, Task<(int Added, int Updated)>> step, CancellationToken ct)
    {
        using var activity = IroTelemetry.ActivitySource.StartActivity("903 merge: " + table);
        return await step(ct);
    }

    /// <summary>
    /// Only the compared columns of the stored children are read (a child has local columns and collections the
    /// return never touches); a changed child is loaded whole to be updated, so its local data is kept.
    /// </summary>
    private async Task<(int Added, int Updated)> ChildrenAsync(CancellationToken ct)
    {
        var existing = new Dictionary<string, StoredChild>(StringComparer.Ordinal);
        var stored = db.Children.AsNoTracking()
            .Select(c => new StoredChild(c.Id, c.LocalId, c.Sex, c.DateOfBirth, c.Ethnicity, c.Upn, c.IsUnaccompaniedAsylumSeeker, c.UascCeased));
        using (LoadSpan("children"))
        {
            await foreach (var child in stored.AsAsyncEnumerable().WithCancellation(ct)) existing.Add(child.LocalId, child);
        }

        var uasc = ret.Uasc.GroupBy(u => u.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tally = new Tally();
        var changed = new Dictionary<int, Child>();
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
            var known = existing.GetValueOrDefault(row.Child);
            // A return that does not list the child as UASC says nothing about earlier status, so it is kept.
            incoming.IsUnaccompaniedAsylumSeeker = uascRow is not null || known?.IsUnaccompaniedAsylumSeeker == true;
            incoming.UascCeased = uascRow is not null ? uascRow.Duc.Value : known?.UascCeased;
            if (known is null)
            {
                Insert(incoming);
                tally.Added++;
                await ChangedAsync(ct);
            }
            else
            {
                if (!known.Matches(incoming))
                {
                    changed[known.Id] = incoming;
                    tally.Updated++;
                }

                await StepAsync(ct);
            }
        }

        await UpdateChangedAsync(changed, ids => db.Children.Where(c => ids.Contains(c.Id)), c => c.Id, CopyChild, ct);

        _processed += ret.Uasc.Count;
        await FlushAsync(ct);
        _childIds = tally.Added == 0
            ? existing.ToDictionary(c => c.Key, c => c.Value.Id, StringComparer.Ordinal)
            : await db.Children.AsNoTracking().Select(c => new { c.LocalId, c.Id }).ToDictionaryAsync(c => c.LocalId, c => c.Id, StringComparer.Ordinal, ct);
        _queuedChildren = [.. _childIds.Where(c => !existing.ContainsKey(c.Key)).Select(c => c.Value)];
        return tally.Result;
    }

    /// <summary>What the merge compares of a stored child, and its keys.</summary>
    private sealed record StoredChild(
        int Id, string LocalId, Sex Sex, DateOnly DateOfBirth, Ethnicity Ethnicity, string? Upn, bool IsUnaccompaniedAsylumSeeker, DateOnly? UascCeased)
    {
        public bool Matches(Child b) =>
            Sex == b.Sex && DateOfBirth == b.DateOfBirth && Ethnicity == b.Ethnicity && Upn == b.Upn
            && IsUnaccompaniedAsylumSeeker == b.IsUnaccompaniedAsylumSeeker && UascCeased == b.UascCeased;
    }

    /// <summary>The return's fields onto the stored child; names and other local data are kept.</summary>
    private static Child CopyChild(Child stored, Child incoming)
    {
        (stored.Sex, stored.DateOfBirth, stored.Ethnicity, stored.Upn) = (incoming.Sex, incoming.DateOfBirth, incoming.Ethnicity, incoming.Upn);
        (stored.IsUnaccompaniedAsylumSeeker, stored.UascCeased) = (incoming.IsUnaccompaniedAsylumSeeker, incoming.UascCeased);
        return stored;
    }

    private async Task<(int Added, int Updated)> EpisodesAsync(CancellationToken ct)
    {
        Dictionary<(int, DateOnly), CareEpisode> existing;
        using (LoadSpan("episodes")) existing = await db.CareEpisodes.AsNoTracking().ToDictionaryAsync(e => (e.ChildId, e.Start), ct);
        var tally = new Tally();
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
            var stored = existing.GetValueOrDefault((incoming.ChildId, incoming.Start));
            // Blank DEC means "open at this year's 31 March"; a later year's return may already have closed it.
            if (incoming.End is null && stored?.End is { } known && known > _year.End)
            {
                (incoming.End, incoming.ReasonCeased, incoming.ReasonPlaceChange) = (stored.End, stored.ReasonCeased, stored.ReasonPlaceChange);
            }

            await UpsertAsync(stored, incoming, SameEpisode, ReplaceEpisode, tally, ct);
        }

        await FlushAsync(ct);
        return tally.Result;
    }

    /// <summary>
    /// A period of care the return ends closes the child's open allocation on the period's end date
    /// (<see cref="Domain.Allocations.AllocationHistory.ClosingDate"/>).
    /// </summary>
    private async Task CloseEndedAllocationsAsync(CancellationToken ct)
    {
        var inReturn = ret.Episodes.Select(e => _childIds[e.Child]).ToHashSet();
        var open = (await db.IroAllocations.Where(a => a.To == null).ToListAsync(ct)).Where(a => inReturn.Contains(a.ChildId)).ToList();
        if (open.Count == 0) return;
        var keys = open.Select(a => a.ChildId).Distinct().ToList();
        var episodes = (await db.CareEpisodes.AsNoTracking().Where(e => keys.Contains(e.ChildId)).ToListAsync(ct)).ToLookup(e => e.ChildId);
        foreach (var allocation in open)
        {
            var span = new Domain.Allocations.AllocationSpan(allocation.ReviewingOfficerId, allocation.From, allocation.To);
            if (Domain.Allocations.AllocationHistory.ClosingDate(span, PeriodsOfCare.From(episodes[allocation.ChildId])) is { } end)
                allocation.To = end;
        }

        db.ChangeTracker.DetectChanges();
        await FlushAsync(ct);
    }

    private static bool SameEpisode(CareEpisode a, CareEpisode b) =>
        a.ReasonForNewEpisode == b.ReasonForNewEpisode && a.LegalStatus == b.LegalStatus && a.CategoryOfNeed == b.CategoryOfNeed
        && a.Placement == b.Placement && a.PlacementProvider == b.PlacementProvider && a.End == b.End && a.ReasonCeased == b.ReasonCeased
        && a.ReasonPlaceChange == b.ReasonPlaceChange && a.HomePostcode == b.HomePostcode && a.PlacementPostcode == b.PlacementPostcode
        && a.Urn == b.Urn;

    /// <summary>
    /// The return holds only the participation code; what was recorded in the product is kept. Only the key and
    /// the code are read to compare (a review has many recording columns); a changed review is loaded whole to be updated.
    /// </summary>
    private async Task<(int Added, int Updated)> ReviewsAsync(CancellationToken ct)
    {
        var existing = new Dictionary<(int, DateOnly), (int Id, ParticipationCode? Participation)>();
        var stored = db.Reviews.AsNoTracking().Select(r => new { r.Id, r.ChildId, r.HeldOn, r.Participation });
        using (LoadSpan("reviews"))
        {
            await foreach (var review in stored.AsAsyncEnumerable().WithCancellation(ct))
                existing.TryAdd((review.ChildId, review.HeldOn), (review.Id, review.Participation));
        }
        var tally = new Tally();
        var changed = new Dictionary<int, ParticipationCode?>();
        var added = new List<NewReview>();
        foreach (var row in ret.Reviews)
        {
            var key = (_childIds[row.Child], row.Review.Value!.Value);
            var participation = Code<ParticipationCode>(row.ReviewCode);
            if (!existing.TryGetValue(key, out var known))
            {
                added.Add(new NewReview(key.Item1, key.Item2, participation));
                tally.Added++;
                await StepAsync(ct);
            }
            else
            {
                if (known.Participation != participation)
                {
                    changed[known.Id] = participation;
                    tally.Updated++;
                }

                await StepAsync(ct);
            }
        }

        await UpdateChangedAsync(changed, ids => db.Reviews.Where(r => ids.Contains(r.Id)), r => r.Id, (review, participation) =>
        {
            review.Participation = participation;
            return review;
        }, ct);

        await FlushAsync(ct);
        await BulkInsert.InsertRowsAsync(db, typeof(Review), added, NewReview.Values, _queuedChildren, ct);
        return tally.Result;
    }

    /// <summary>
    /// A review the return adds: only these values (and a new concurrency stamp, as a new <see cref="Review"/> gets)
    /// are written, without building a whole review for each of a national return's rows.
    /// </summary>
    private readonly record struct NewReview(int ChildId, DateOnly HeldOn, ParticipationCode? Participation)
    {
        public static readonly IReadOnlyDictionary<string, Func<NewReview, object?>> Values = new Dictionary<string, Func<NewReview, object?>>
        {
            [nameof(Review.ChildId)] = r => r.ChildId,
            [nameof(Review.HeldOn)] = r => r.HeldOn,
            [nameof(Review.Participation)] = r => r.Participation,
            [nameof(Review.Version)] = _ => Guid.NewGuid(),
        };
    }

    private async Task<(int Added, int Updated)> MissingAsync(CancellationToken ct)
    {
        var existing = new Dictionary<(int, DateOnly), MissingEpisode>();
        await foreach (var missing in db.Set<MissingEpisode>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            existing.TryAdd((missing.ChildId, missing.Start), missing);
        var tally = new Tally();
        foreach (var row in ret.Missing)
        {
            var incoming = new MissingEpisode
            {
                ChildId = _childIds[row.Child], Start = row.MisStart.Value!.Value, End = row.MisEnd.Value, Type = Code<MissingType>(row.Missing),
            };
            var key = (incoming.ChildId, incoming.Start);
            await UpsertAsync(existing.GetValueOrDefault(key), incoming, (a, b) => a.End == b.End && a.Type == b.Type, CopyMissing, tally, ct);
            // Exact repeats in the file (a validator warning) become one row.
            existing.TryAdd(key, incoming);
        }

        await FlushAsync(ct);
        return tally.Result;
    }

    private static MissingEpisode CopyMissing(MissingEpisode stored, MissingEpisode incoming)
    {
        (stored.End, stored.Type) = (incoming.End, incoming.Type);
        return stored;
    }

    private async Task<(int Added, int Updated)> OutcomesAsync(CancellationToken ct)
    {
        var yearStart = _year.Start;
        var existing = await db.Set<HealthOutcomes>().AsNoTracking().Where(o => o.YearStart == yearStart).ToDictionaryAsync(o => o.ChildId, ct);
        var tally = new Tally();
        foreach (var row in ret.Oc2)
        {
            var incoming = new HealthOutcomes
            {
                ChildId = _childIds[row.Child], YearStart = yearStart, SdqScore = row.SdqScore, SdqReason = row.SdqReason,
                Convicted = row.Convicted, HealthCheck = row.HealthCheck, Immunisations = row.Immunisations, TeethCheck = row.TeethCheck,
                HealthAssessment = row.HealthAssessment, SubstanceMisuse = row.SubstanceMisuse,
                InterventionReceived = row.InterventionReceived, InterventionOffered = row.InterventionOffered,
            };
            await UpsertAsync(existing.GetValueOrDefault(incoming.ChildId), incoming, (a, b) => OutcomeValues(a).SequenceEqual(OutcomeValues(b)), ReplaceOutcomes, tally, ct);
        }

        await FlushAsync(ct);
        return tally.Result;
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
        var tally = new Tally();
        foreach (var row in ret.SwEpisodes)
        {
            var key = (_childIds[row.Child], row.SwDecom.Value!.Value);
            var stored = existing.GetValueOrDefault(key);
            var incoming = new SocialWorkerAssignment
            {
                ChildId = key.Item1, From = key.Item2, WorkerId = row.SwId, SocialWorkerName = row.SwId ?? string.Empty, To = row.SwDec.Value, ReasonForChange = row.SwReason,
            };
            // As for episodes: a blank end in this year does not reopen one a later year closed.
            if (incoming.To is null && stored?.To is { } known && known > _year.End) incoming.To = known;
            await UpsertAsync(stored, incoming, (a, b) => a.WorkerId == b.WorkerId && a.To == b.To && a.ReasonForChange == b.ReasonForChange, CopySocialWorker, tally, ct);
            existing.TryAdd(key, incoming);
        }

        await FlushAsync(ct);
        return tally.Result;
    }

    /// <summary>The worker's name, if the service has it, is kept: the return carries only the identifier.</summary>
    private static SocialWorkerAssignment CopySocialWorker(SocialWorkerAssignment stored, SocialWorkerAssignment incoming)
    {
        (stored.WorkerId, stored.To, stored.ReasonForChange) = (incoming.WorkerId, incoming.To, incoming.ReasonForChange);
        return stored;
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
                // Deletions are saved before any insert (see FlushAsync), so positions never clash.
                _pending += old.Count;
                if (_pending >= BatchSize) await SaveTrackedAsync(ct);
            }
        }

        await FlushAsync(ct);
        return (added, updated);
    }

    /// <summary>Reading what is stored, traced apart from the comparison and the writes.</summary>
    private static System.Diagnostics.Activity? LoadSpan(string table) => IroTelemetry.ActivitySource.StartActivity("903 merge: load stored " + table);

    /// <summary>Rows added and updated for one table.</summary>
    private sealed class Tally
    {
        public int Added;
        public int Updated;

        public (int Added, int Updated) Result => (Added, Updated);
    }

    /// <summary>
    /// Merges one row with the stored row of the same key: a row equal to what is stored only moves progress; a
    /// changed one is written through the change tracker (<paramref name="apply"/> returns the entity to update);
    /// a new one is bulk-inserted.
    /// </summary>
    private async Task UpsertAsync<T>(T? stored, T incoming, Func<T, T, bool> same, Func<T, T, T> apply, Tally tally, CancellationToken ct)
        where T : class
    {
        if (stored is null)
        {
            Insert(incoming);
            tally.Added++;
        }
        else if (same(stored, incoming))
        {
            await StepAsync(ct);
            return;
        }
        else
        {
            db.Entry(apply(stored, incoming)).State = EntityState.Modified;
            tally.Updated++;
        }

        await ChangedAsync(ct);
    }

    /// <summary>
    /// Rows found changed on their compared columns, loaded whole by ID a batch at a time and updated through the change
    /// tracker, so what the return does not carry is kept.
    /// </summary>
    private async Task UpdateChangedAsync<T, TChange>(
        Dictionary<int, TChange> changed, Func<int[], IQueryable<T>> byIds, Func<T, int> idOf, Func<T, TChange, T> apply, CancellationToken ct)
        where T : class
    {
        foreach (var ids in changed.Keys.Chunk(BatchSize))
        {
            foreach (var row in await byIds(ids).AsNoTracking().ToListAsync(ct))
                db.Entry(apply(row, changed[idOf(row)])).State = EntityState.Modified;
            await SaveTrackedAsync(ct);
        }
    }

    // Rows the return describes whole: the incoming row replaces the stored one under its key.
    private static CareEpisode ReplaceEpisode(CareEpisode stored, CareEpisode incoming)
    {
        incoming.Id = stored.Id;
        return incoming;
    }

    private static HealthOutcomes ReplaceOutcomes(HealthOutcomes stored, HealthOutcomes incoming)
    {
        incoming.Id = stored.Id;
        return incoming;
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

    /// <summary>A row added or changed: changes are saved when the batch is full; new rows wait for the end of the table.</summary>
    private async Task ChangedAsync(CancellationToken ct, bool step = true)
    {
        if (step) await StepAsync(ct);
        if (++_pending >= BatchSize) await SaveTrackedAsync(ct);
    }

    /// <summary>New rows go in bulk (<see cref="BulkInsert"/>); updates and deletions through the change tracker.</summary>
    private void Insert(object entity)
    {
        if (!_inserts.TryGetValue(entity.GetType(), out var list)) _inserts[entity.GetType()] = list = [];
        list.Add(entity);
    }

    /// <summary>Updates and deletions tracked so far, saved as one batch.</summary>
    private async Task SaveTrackedAsync(CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        _pending = 0;
        Report();
    }

    /// <summary>
    /// The end of a table: tracked changes first (so replaced rows never clash with their replacements), then every
    /// new row of the table in one bulk insert, which lets a large load into an empty table build its indexes once.
    /// </summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        await SaveTrackedAsync(ct);
        foreach (var (type, entities) in _inserts)
        {
            await BulkInsert.InsertAsync(db, type, entities, _queuedChildren, ct);
            entities.Clear();
        }

        Report();
    }

    private void Report() => progress?.Report(new ImportProgress(ImportStage.Writing, Math.Min(_processed, total), total));
}
