using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Timetable.TimetableScenario;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// The timetable scenario plus a child whose records were entered out of order: episodes latest first, and reviews
/// "late" (Mon 9 Mar 2026), then "first" and "second" on the same day (Mon 2 Mar 2026), each saved on its own so
/// their IDs follow that order; "after" (Mon 6 Apr 2026), held after the as-at date used below; and a deleted review
/// (Mon 16 Mar 2026).
/// </summary>
public abstract class EveryChildTimetableApp(DatabaseProvider provider) : TimetableApp(provider)
{
    public const string OutOfOrder = "T5";

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await base.SeedAsync(services);
        var db = services.GetRequiredService<IroDbContext>();
        var child = new Child
        {
            LocalId = OutOfOrder, FirstName = "Una", LastName = "Order", DateOfBirth = new DateOnly(2013, 4, 1), Sex = Sex.F,
            Ethnicity = Ethnicity.WBRI, Upn = "UN1",
        };
        child.Episodes.Add(StoredTimetablePagesApp.Episode(D("2025-11-03"), null));
        child.Episodes.Add(StoredTimetablePagesApp.Episode(D("2025-01-06"), D("2025-06-30")));
        db.Children.Add(child);
        await db.SaveChangesAsync();
        foreach (var (held, note) in new[] { ("2026-03-09", "late"), ("2026-03-02", "first"), ("2026-03-02", "second"), ("2026-04-06", "after") })
        {
            db.Reviews.Add(new Review
            {
                ChildId = child.Id, HeldOn = D(held), Participation = ParticipationCode.PN1, LateReason = ReasonForLateness.Other, LateReasonNote = note,
            });
            await db.SaveChangesAsync();
        }

        // Deleted: it counts nowhere.
        db.Reviews.Add(new Review { ChildId = child.Id, HeldOn = D("2026-03-16"), Participation = ParticipationCode.PN1, IsDeleted = true });
        await db.SaveChangesAsync();
    }
}

public sealed class EveryChildTimetableSqliteApp() : EveryChildTimetableApp(DatabaseProvider.Sqlite);

public sealed class EveryChildTimetablePostgresApp() : EveryChildTimetableApp(DatabaseProvider.Postgres);

/// <summary>
/// <see cref="TimetableService.LoadAllAsync"/> reads every child's episodes and reviews whole and groups them in
/// memory; it must answer as loading the children through their indexes, together or one at a time, does.
/// </summary>
public abstract class EveryChildTimetableTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : EveryChildTimetableApp
{
    private static readonly DateOnly AsOf = D("2026-03-31");

    [Fact]
    public async Task Every_child_has_the_timetable_and_reviews_it_has_when_loaded_alone()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var timetables = scope.ServiceProvider.GetRequiredService<TimetableService>();

        var all = await timetables.LoadAllAsync(AsOf, CancellationToken.None);
        var together = await timetables.LoadAsync(db.Children, AsOf, CancellationToken.None);

        Assert.Equal(await db.Children.CountAsync(), all.Count);
        Assert.Equal(together.Select(Describe), all.Select(Describe));
        foreach (var entry in all)
        {
            var alone = Assert.Single(await timetables.LoadAsync(db.Children.Where(c => c.Id == entry.Child.Id), AsOf, CancellationToken.None));
            Assert.Equal(Describe(alone), Describe(entry));
        }
    }

    [Fact]
    public async Task A_childs_reviews_are_in_the_order_held_and_in_the_order_entered_on_the_same_day()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var timetables = scope.ServiceProvider.GetRequiredService<TimetableService>();

        var all = await timetables.LoadAllAsync(AsOf, CancellationToken.None);

        var child = all.Single(e => e.Child.LocalId == EveryChildTimetableApp.OutOfOrder);
        Assert.Equal(["first", "second", "late"], child.Reviews.Select(r => r.LateReasonNote));
        // The second review on 2 March is counted once; the period that began on 3 November 2025 holds both dates.
        var period = Assert.Single(child.Timetable.Periods, p => p.Start == D("2025-11-03"));
        Assert.Equal([D("2026-03-02"), D("2026-03-09")], period.Reviews.Select(r => r.HeldOn));
        Assert.Equal("first", child.StoredFor(period.Reviews[0])!.LateReasonNote);
        Assert.Equal([D("2025-01-06"), D("2025-11-03")], child.Timetable.Periods.Select(p => p.Start));
    }

    [Fact]
    public async Task The_read_of_every_child_gives_each_child_the_timetable_loaded_through_ef()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var timetables = scope.ServiceProvider.GetRequiredService<TimetableService>();

        var loaded = await timetables.LoadAllAsync(AsOf, CancellationToken.None);
        var read = await timetables.ReadEveryChildAsync(AsOf, CancellationToken.None);
        var computed = read.ComputeAll(CancellationToken.None);

        Assert.Equal(loaded.Select(e => e.Child.LocalId), read.LocalIds);
        Assert.Equal(loaded.Select(e => Published(e.Child.LocalId, e.Timetable)), read.LocalIds.Select((id, i) => Published(id, computed[i])));
        Assert.Equal(read.LocalIds.Select((id, i) => Published(id, read.Compute(i))), read.LocalIds.Select((id, i) => Published(id, computed[i])));
        // Neither the deleted review nor the one held after the date is read; the two on one day are counted once.
        var outOfOrder = computed[read.LocalIds.ToList().IndexOf(EveryChildTimetableApp.OutOfOrder)];
        Assert.Equal([D("2026-03-02"), D("2026-03-09")], outOfOrder.AllReviews.Select(r => r.HeldOn));
        Assert.Contains(outOfOrder.Problems, p => p.Code == DataQualityCodes.DuplicateReview);
    }

    [Fact]
    public async Task The_timetables_written_straight_are_the_serialised_records_byte_for_byte()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<TimetableService>().LoadAllAsync(AsOf, CancellationToken.None);
        Assert.Contains(all, e => !e.Timetable.IsReliable);

        var expected = new StringWriter();
        await expected.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(
            all.Select(e => TimetableJson.From(e.Child.LocalId, e.Timetable, AsOf)), TimetableJson.SerializerOptions));
        var written = new StringWriter();
        await Iro.Web.Cli.JsonArrayOutput.WriteLineAsync(
            written, all.Count, (json, i) => TimetableJsonWriter.Write(json, all[i].Child.LocalId, all[i].Timetable, AsOf), TimetableJson.SerializerOptions,
            CancellationToken.None, chunkBytes: 100);

        Assert.Equal(expected.ToString(), written.ToString());
    }

    private static string Published(string localId, ChildTimetable timetable) =>
        System.Text.Json.JsonSerializer.Serialize(TimetableJson.From(localId, timetable, AsOf));

    /// <summary>Everything an entry holds, as text, so two entries compare in full.</summary>
    private static string Describe(ChildTimetableEntry entry) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            entry.Child,
            Timetable = TimetableJson.From(entry.Child.LocalId, entry.Timetable, AsOf),
            entry.Reviews,
        });
}

public sealed class EveryChildTimetableSqliteTests(EveryChildTimetableSqliteApp app) : EveryChildTimetableTests<EveryChildTimetableSqliteApp>(app);

public sealed class EveryChildTimetablePostgresTests(EveryChildTimetablePostgresApp app) : EveryChildTimetableTests<EveryChildTimetablePostgresApp>(app);
