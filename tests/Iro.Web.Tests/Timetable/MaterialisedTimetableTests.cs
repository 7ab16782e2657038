using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Demo;
using Iro.Web.Features.Interchange;
using Iro.Web.Features.Timetable;
using Iro.Web.Features.Timetable.Store;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// The materialised timetable stays what the engine computes from scratch: a small demo borough, a seeded random
/// sequence of changes made through the app's own contexts and services, then the stored tables compared row by row
/// with <see cref="TimetableService.LoadAllAsync"/>. One fixture per class, since the tests change data.
/// </summary>
public abstract class MaterialisedTimetableTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MaterialisedTimetableApp
{
    private DateOnly Today => app.Clock.ServiceToday();

    [Fact]
    public async Task After_a_random_sequence_of_changes_the_store_equals_a_recompute_from_scratch()
    {
        var random = new Random(20261201);
        await EnsureFreshAsync();
        await AssertStoreMatchesEngineAsync();
        var changes = new Func<Random, Task>[]
        {
            AddEpisodeAsync, ChangeEpisodeAsync, DeleteEpisodeAsync, AddReviewAsync, ChangeReviewAsync, DeleteReviewAsync,
            AddEpisodeAsync, AddReviewAsync, RollDayAsync, ChangeAllocationAsync, ChangeAllocationAsync,
        };
        for (var step = 0; step < 30; step++)
        {
            await changes[random.Next(changes.Length)](random);
            // Some changes are taken up one at a time, others several together.
            if (random.Next(2) == 0) await EnsureFreshAsync();
        }

        await EnsureFreshAsync();
        await AssertStoreMatchesEngineAsync();

        // The timetable context: a bank holiday, a setting, and an imported return (which moves the history start).
        await AddBankHolidayAsync();
        await EnsureFreshAsync();
        await AssertStoreMatchesEngineAsync();
        app.Services.GetRequiredService<IOptions<TimetableOptions>>().Value.AmberWindowWorkingDays = 7;
        await EnsureFreshAsync();
        await AssertStoreMatchesEngineAsync();
        await ImportReturnAsync();
        await AddReviewAsync(random);
        await RollDayAsync(random);
        await EnsureFreshAsync();
        await AssertStoreMatchesEngineAsync();
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_the_queue_unchanged()
    {
        await EnsureFreshAsync();
        var before = await QueueAsync();
        var childId = await WithDbAsync(db => db.Reviews.Select(r => r.ChildId).FirstAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var review = await db.Reviews.FirstAsync(r => r.ChildId == childId);
            review.HeldOn = review.HeldOn.AddDays(1);
            db.CareEpisodes.Add(NewEpisode(childId, new DateOnly(2026, 1, 5), LegalStatus.C2, PlacementType.U4));
            await db.SaveChangesAsync();
            // Queued within the transaction...
            Assert.Contains(await db.TimetableRecomputes.AsNoTracking().ToListAsync(), q => q.ChildId == childId);
            await transaction.RollbackAsync();
        }

        // ...and not after it rolled back.
        Assert.Equal(before, await QueueAsync());
    }

    [Fact]
    public async Task Two_concurrent_refreshes_give_the_same_tables_as_a_recompute()
    {
        var random = new Random(7);
        await EnsureFreshAsync();
        for (var i = 0; i < 4; i++) await AddReviewAsync(random);
        await ChangeEpisodeAsync(random);
        app.Clock.Advance(TimeSpan.FromDays(3));

        await Task.WhenAll(Task.Run(EnsureFreshAsync), Task.Run(EnsureFreshAsync));

        Assert.Empty(await QueueAsync());
        await AssertStoreMatchesEngineAsync();
    }

    [Fact]
    public async Task The_background_drainer_recomputes_a_queued_child()
    {
        await EnsureFreshAsync();
        await AddReviewAsync(new Random(11));
        Assert.NotEmpty(await QueueAsync());

        var drainer = app.Services.GetServices<IHostedService>().OfType<TimetableStoreDrainer>().Single();
        await drainer.RunOnceAsync(CancellationToken.None);

        Assert.Empty(await QueueAsync());
        await AssertStoreMatchesEngineAsync();
    }

    private async Task EnsureFreshAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TimetableStore>().EnsureFreshAsync(Today, CancellationToken.None);
    }

    private async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IroDbContext>());
    }

    private async Task ChangeAsync(Func<IroDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> QueueAsync() =>
        (await WithDbAsync(db => db.TimetableRecomputes.AsNoTracking().OrderBy(q => q.ChildId).Select(q => new { q.ChildId, q.Stamp }).ToListAsync()))
        .Select(q => Line(q.ChildId, q.Stamp)).ToList();

    /// <summary>The stored tables, row by row, against the engine's answer for every child now.</summary>
    private async Task AssertStoreMatchesEngineAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var timetables = scope.ServiceProvider.GetRequiredService<TimetableService>();
        var context = await timetables.ContextAsync(CancellationToken.None);
        var today = Today;
        var entries = (await timetables.LoadAllAsync(null, CancellationToken.None)).OrderBy(e => e.Child.Id).ToList();

        var expectedReviews = entries.SelectMany(e => e.Timetable.Periods.SelectMany(p => p.Reviews.Select(r => Line(
            e.Child.Id, e.StoredFor(r)?.Id, p.Start, r.Sequence, r.HeldOn, r.DueDate, r.Regime, r.Stage, r.CountsForTimeliness, r.OnTime, r.DaysLate)))).ToList();
        var storedReviews = (await db.TimetabledReviews.AsNoTracking().OrderBy(r => r.ChildId).ThenBy(r => r.PeriodStart).ThenBy(r => r.Sequence).ToListAsync())
            .Select(r => Line(r.ChildId, r.ReviewId, r.PeriodStart, r.Sequence, r.HeldOn, r.DueDate, r.Regime, r.Stage, r.CountsForTimeliness, r.OnTime, r.DaysLate))
            .ToList();
        Assert.Equal(expectedReviews, storedReviews);

        // The state as at today straight from the engine (not through the spans), and who is looked after and listed
        // as due from the records in memory.
        var allocated = (await db.IroAllocations.AsNoTracking().ToListAsync()).Where(a => a.IsCurrentOn(today)).Select(a => a.ChildId).ToHashSet();
        var episodes = (await db.CareEpisodes.AsNoTracking().ToListAsync()).ToLookup(e => e.ChildId);
        var recently = today.AddMonths(-context.Options.ShortBreakSeriesLapseMonths);
        var expectedStates = entries.Select(e =>
        {
            var t = e.Timetable;
            var period = t.PeriodOn(today);
            var last = period?.Reviews.Where(r => r.HeldOn <= today).Select(r => (DateOnly?)r.HeldOn).LastOrDefault();
            var lookedAfter = episodes[e.Child.Id].Any(ep => ep.IsOpenOn(today));
            var onDueList = period is not null && episodes[e.Child.Id].Any(ep => ep.Overlaps(recently, today))
                && (lookedAfter || (period.Regime == ReviewRegime.ShortBreak && allocated.Contains(e.Child.Id)));
            return Line(e.Child.Id, t.IsReliable, string.Join(',', t.Problems.Select(p => p.Code)), t.NextDueDate, TimetableSpans.Encode(t), today,
                period is not null, period?.Start, period?.Period.IsShortBreakSeries ?? false, period?.Regime, t.DueDateOn(today),
                context.StatusOn(t, today), last, lookedAfter, onDueList);
        }).ToList();
        var storedStates = (await db.ChildTimetableStates.AsNoTracking().OrderBy(s => s.ChildId).ToListAsync())
            .Select(s => Line(s.ChildId, s.Reliable, s.ProblemCodes, s.NextDueDate, s.Spans, s.AsOf, s.InPeriod, s.PeriodStart, s.PeriodIsShortBreak,
                s.Regime, s.DueDate, s.Status, s.LastReviewInPeriod, s.LookedAfter, s.OnDueList))
            .ToList();
        Assert.Equal(expectedStates, storedStates);
        Assert.True(expectedStates.Count > 20, "the borough has children");
    }

    private static string Line(params object?[] values) =>
        string.Join('|', values.Select(v => v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v?.ToString() ?? "null"));

    private static async Task<T> PickAsync<T>(IQueryable<T> query, Random random)
    {
        var count = await query.CountAsync();
        return await query.Skip(random.Next(count)).FirstAsync();
    }

    private static CareEpisode NewEpisode(int childId, DateOnly start, LegalStatus legalStatus, PlacementType placement) => new()
    {
        ChildId = childId, Start = start, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = legalStatus, CategoryOfNeed = CategoryOfNeed.N1,
        Placement = placement, PlacementProvider = PlacementProvider.PR1,
    };

    /// <summary>A new period after the child's last episode: full care, a short break, or a placement for adoption.</summary>
    private Task AddEpisodeAsync(Random random) => ChangeAsync(async db =>
    {
        var child = await PickAsync(db.Children.Where(c => c.Episodes.Any()).OrderBy(c => c.Id), random);
        var last = await db.CareEpisodes.Where(e => e.ChildId == child.Id).OrderByDescending(e => e.Start).FirstAsync();
        last.End ??= Min(last.Start.AddDays(random.Next(1, 300)), Today);
        last.ReasonCeased ??= ReasonEpisodeCeased.E4A;
        var start = last.End.Value.AddDays(random.Next(1, 120));
        var kind = random.Next(3);
        var episode = NewEpisode(child.Id, start, kind == 1 ? LegalStatus.V3 : LegalStatus.C2, kind == 2 ? PlacementType.A4 : PlacementType.U4);
        if (kind == 1) (episode.End, episode.ReasonCeased) = (start.AddDays(2), ReasonEpisodeCeased.E4A);
        db.CareEpisodes.Add(episode);
    });

    private Task ChangeEpisodeAsync(Random random) => ChangeAsync(async db =>
    {
        var episode = await PickAsync(db.CareEpisodes.OrderBy(e => e.Id), random);
        if (random.Next(2) == 0) episode.Placement = episode.Placement == PlacementType.A5 ? PlacementType.U4 : PlacementType.A5;
        else if (episode.End is null) (episode.End, episode.ReasonCeased) = (Min(episode.Start.AddDays(random.Next(0, 400)), Today), ReasonEpisodeCeased.E11);
        else episode.End = episode.End.Value.AddDays(random.Next(-20, 20));
    });

    private Task DeleteEpisodeAsync(Random random) => ChangeAsync(async db =>
        db.CareEpisodes.Remove(await PickAsync(db.CareEpisodes.OrderBy(e => e.Id), random)));

    private Task AddReviewAsync(Random random) => ChangeAsync(async db =>
    {
        var episode = await PickAsync(db.CareEpisodes.OrderBy(e => e.Id), random);
        var span = Math.Max(1, (episode.End ?? Today).DayNumber - episode.Start.DayNumber);
        db.Reviews.Add(new Review { ChildId = episode.ChildId, HeldOn = episode.Start.AddDays(random.Next(span + 10)), Status = ReviewStatus.Held });
    });

    private Task ChangeReviewAsync(Random random) => ChangeAsync(async db =>
    {
        var review = await PickAsync(db.Reviews.Where(ReviewQueries.IsHeld).OrderBy(r => r.Id), random);
        review.HeldOn = review.HeldOn.AddDays(random.Next(-40, 40));
    });

    private Task DeleteReviewAsync(Random random) => ChangeAsync(async db =>
        db.Reviews.Remove(await PickAsync(db.Reviews.Where(ReviewQueries.IsHeld).OrderBy(r => r.Id), random)));

    /// <summary>As the allocation page does: the current allocation ends today, and another IRO's starts or none.</summary>
    private Task ChangeAllocationAsync(Random random) => ChangeAsync(async db =>
    {
        var child = await PickAsync(db.Children.Where(c => c.Episodes.Any()).OrderBy(c => c.Id), random);
        foreach (var open in await db.IroAllocations.Where(a => a.ChildId == child.Id && a.To == null).ToListAsync()) open.To = Today;
        if (random.Next(3) == 0) return;
        var officer = await PickAsync(db.ReviewingOfficers.OrderBy(o => o.Id), random);
        db.IroAllocations.Add(new IroAllocation { ChildId = child.Id, ReviewingOfficerId = officer.Id, From = Today });
    });

    private Task RollDayAsync(Random random)
    {
        app.Clock.Advance(TimeSpan.FromDays(random.Next(1, 4)));
        return Task.CompletedTask;
    }

    /// <summary>As the administrators' page does: the holiday saved, then the cached calendar dropped.</summary>
    private async Task AddBankHolidayAsync()
    {
        await ChangeAsync(db =>
        {
            db.AddedBankHolidays.Add(new AddedBankHoliday { Date = Today.AddDays(3), Name = "Extra holiday" });
            return Task.CompletedTask;
        });
        app.Services.GetRequiredService<BankHolidayCalendar>().Invalidate();
    }

    /// <summary>A return for last year: two new children and a review for each, through the importer.</summary>
    private async Task ImportReturnAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iro-903-store-").FullName;
        try
        {
            await File.WriteAllLinesAsync(Path.Combine(folder, "header.csv"),
                ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "9001,M,01/03/2012,WBRI,A123456789012,,", "9002,F,20/02/2013,BCRB,A210987654321,,"]);
            await File.WriteAllLinesAsync(Path.Combine(folder, "episodes.csv"),
            [
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
                "9001,02/06/2025,S,C2,N1,U4,PR1,,,,NW10 1QD,HA0 2LS,SC123456",
                "9002,04/09/2025,S,V2,N5,U6,PR4,,,,NW10 2QD,HA9 8DN,SC654321",
            ]);
            await File.WriteAllLinesAsync(Path.Combine(folder, "reviews.csv"),
                ["CHILD,DOB,REVIEW,REVIEW_CODE", "9001,01/03/2012,30/06/2025,PN1", "9002,20/02/2013,01/10/2025,PN1"]);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<Ssda903Importer>();
            var read = Ssda903Importer.Read([folder], CollectionYear.Parse("2025-26"));
            var outcome = await importer.ImportAsync(read, "test return", new ImportUser("system", "Test"), acceptWarnings: true, null, CancellationToken.None);
            Assert.True(outcome.Status == ImportStatus.Imported, string.Join("; ", outcome.Findings.Select(f => f.ToString())));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>A small demo borough (no accounts) with the background drainer off, so each test drives the store itself.</summary>
public abstract class MaterialisedTimetableApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TimetableStore:DrainSeconds", "0");
        builder.UseSetting("TimetableStore:BatchSize", "7");
    }

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var borough = new DemoBoroughGenerator(seed: 16, lookedAfterAtMarch31: 25, DateOnly.FromDateTime(Now.UtcDateTime)).Generate();
        var db = services.GetRequiredService<IroDbContext>();
        db.ReviewingOfficers.AddRange(borough.Officers);
        await db.SaveChangesAsync();
        db.Children.AddRange(borough.Children);
        await db.SaveChangesAsync();
    }
}

public sealed class MaterialisedTimetableSqliteApp() : MaterialisedTimetableApp(DatabaseProvider.Sqlite);

public sealed class MaterialisedTimetablePostgresApp() : MaterialisedTimetableApp(DatabaseProvider.Postgres);

public sealed class MaterialisedTimetableSqliteTests(MaterialisedTimetableSqliteApp app) : MaterialisedTimetableTests<MaterialisedTimetableSqliteApp>(app);

public sealed class MaterialisedTimetablePostgresTests(MaterialisedTimetablePostgresApp app) : MaterialisedTimetableTests<MaterialisedTimetablePostgresApp>(app);
