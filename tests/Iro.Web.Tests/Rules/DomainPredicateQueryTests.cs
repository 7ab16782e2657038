using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Rules;

/// <summary>
/// Children whose episodes, allocations and reviews sit on either side of 31 March 2026, so each domain rule is
/// tested at its boundaries: an episode ceasing on the day, an allocation ending on the day, bookings and a
/// deleted review beside held ones.
/// </summary>
public abstract class PredicateRowsApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    public static readonly DateOnly Day = new(2026, 3, 31);

    /// <summary>The boundary day and its neighbours: every rule is checked on each.</summary>
    public static TheoryData<DateOnly> Dates => [Day.AddDays(-1), Day, Day.AddDays(1)];

    public const string Ada = "ada@predicates.example";
    public const string Ben = "ben@predicates.example";

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<IroDbContext>();
        var ada = Officer("Ada", Ada);
        var ben = Officer("Ben", Ben);
        db.ReviewingOfficers.AddRange(ada, ben);
        db.Children.AddRange(
            Child("START-AFT", [(Day.AddDays(1), null)], [(ada, Day.AddDays(1), null)]),
            Child("START-ON", [(Day, null)], [(ada, Day, null)]),
            Child("CEASE-BEF", [(Day.AddYears(-1), Day.AddDays(-1))], [(ada, Day.AddYears(-1), Day.AddDays(-1))]),
            Child("CEASE-ON", [(Day.AddYears(-1), Day)], [(ada, Day.AddYears(-1), Day)]),
            Child("CEASE-AFT", [(Day.AddYears(-1), Day.AddDays(1))], [(ben, Day.AddYears(-1), Day.AddDays(1))]),
            Child("MOVED", [(Day.AddYears(-2), Day.AddYears(-1)), (Day.AddDays(-5), null)], [(ada, Day.AddYears(-2), Day), (ben, Day, null)]),
            Child("NEVER", [], []));
        await db.SaveChangesAsync();

        var reviewed = await db.Children.SingleAsync(c => c.LocalId == "START-ON");
        db.Reviews.AddRange(
            new Review { ChildId = reviewed.Id, HeldOn = Day, Status = ReviewStatus.Held },
            new Review { ChildId = reviewed.Id, HeldOn = Day.AddDays(1), Status = ReviewStatus.Planned },
            new Review { ChildId = reviewed.Id, HeldOn = Day.AddDays(2), Status = ReviewStatus.Cancelled },
            new Review { ChildId = reviewed.Id, HeldOn = Day.AddDays(3), Status = ReviewStatus.Held, IsDeleted = true });
        await db.SaveChangesAsync();
    }

    private static ReviewingOfficer Officer(string name, string email) => new()
    {
        Name = name, Email = email, Employment = Employment.InHouse, Fte = 1.0m, Gender = Gender.NotKnown, StartDate = new DateOnly(2020, 1, 1),
    };

    private static Child Child(string id, (DateOnly Start, DateOnly? End)[] episodes, (ReviewingOfficer Officer, DateOnly From, DateOnly? To)[] allocations)
    {
        var child = new Child { LocalId = id, DateOfBirth = new DateOnly(2015, 1, 1), Sex = Sex.M, Ethnicity = Ethnicity.WBRI };
        foreach (var (start, end) in episodes)
        {
            child.Episodes.Add(new CareEpisode
            {
                Start = start, End = end, ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, ReasonCeased = end is null ? null : ReasonEpisodeCeased.E11,
            });
        }

        foreach (var (officer, from, to) in allocations)
            child.IroAllocations.Add(new IroAllocation { ReviewingOfficer = officer, From = from, To = to });
        return child;
    }
}

public sealed class PredicateRowsSqliteApp() : PredicateRowsApp(DatabaseProvider.Sqlite);

public sealed class PredicateRowsPostgresApp() : PredicateRowsApp(DatabaseProvider.Postgres);

/// <summary>
/// Each domain rule run by the database (as EF Core translates it) and in memory over the same rows gives the
/// same answer, on each side of its boundary: SQL and memory cannot disagree about who was looked after.
/// </summary>
public abstract class DomainPredicateQueryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PredicateRowsApp
{
    private async Task<T> WithDbAsync<T>(Func<IroDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IroDbContext>());
    }

    private Task<List<Child>> AllChildrenAsync() => WithDbAsync(db => db.Children.AsNoTracking()
        .Include(c => c.Episodes).Include(c => c.IroAllocations).Include(c => c.Reviews).AsSplitQuery().ToListAsync());

    private static string[] Ids(IEnumerable<Child> children) => [.. children.Select(c => c.LocalId).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PredicateRowsApp.Dates), MemberType = typeof(PredicateRowsApp))]
    public async Task Looked_after_on_a_date(DateOnly on)
    {
        var inDatabase = await WithDbAsync(db => db.Children.LookedAfterOn(on).Select(c => c.LocalId).ToListAsync());
        var inMemory = Ids((await AllChildrenAsync()).Where(c => c.IsLookedAfterOn(on)));

        Assert.Equal(inMemory, inDatabase.Order(StringComparer.Ordinal));
        Assert.Equal(on >= PredicateRowsApp.Day, inMemory.Contains("START-ON"));
        Assert.Equal(on < PredicateRowsApp.Day, inMemory.Contains("CEASE-ON")); // ceased on 31 March: not counted that day
    }

    [Theory]
    [MemberData(nameof(PredicateRowsApp.Dates), MemberType = typeof(PredicateRowsApp))]
    public async Task Allocation_current_on_a_date(DateOnly on)
    {
        var inDatabase = await WithDbAsync(db => db.IroAllocations.CurrentOn(on).Select(a => a.Id).ToListAsync());
        var all = (await AllChildrenAsync()).SelectMany(c => c.IroAllocations).ToList();
        var inMemory = all.Where(a => a.IsCurrentOn(on)).Select(a => a.Id).Order().ToList();

        Assert.Equal(inMemory, inDatabase.Order());
        Assert.Equal(on < PredicateRowsApp.Day, all.Single(a => a.To == PredicateRowsApp.Day && a.From == PredicateRowsApp.Day.AddYears(-1)).IsCurrentOn(on)); // half-open: the end date is the first day not covered
    }

    [Theory]
    [MemberData(nameof(PredicateRowsApp.Dates), MemberType = typeof(PredicateRowsApp))]
    public async Task Allocated_on_a_date_to_one_officer(DateOnly on)
    {
        var ada = await WithDbAsync(db => db.ReviewingOfficers.Where(o => o.Email == PredicateRowsApp.Ada).Select(o => o.Id).SingleAsync());
        var inDatabase = await WithDbAsync(db => db.Children.Where(AllocationRules.AllocatedOn(on, a => a.ReviewingOfficerId == ada)).Select(c => c.LocalId).ToListAsync());
        var inMemory = Ids((await AllChildrenAsync()).Where(c => c.IroAllocations.Any(a => a.IsCurrentOn(on) && a.ReviewingOfficerId == ada)));

        Assert.Equal(inMemory, inDatabase.Order(StringComparer.Ordinal));
        Assert.Equal(on < PredicateRowsApp.Day, inMemory.Contains("MOVED")); // Ada's until the day before, Ben's from the day
    }

    [Fact]
    public async Task Review_held()
    {
        var inDatabase = await WithDbAsync(db => db.Reviews.IgnoreQueryFilters().Held().Select(r => r.HeldOn).ToListAsync());
        var all = await WithDbAsync(db => db.Reviews.IgnoreQueryFilters().AsNoTracking().ToListAsync());
        var inMemory = all.Held().Select(r => r.HeldOn).ToList();

        Assert.Equal([PredicateRowsApp.Day], inMemory);
        Assert.Equal(inMemory, inDatabase);
    }

    [Fact]
    public async Task A_childs_held_reviews_as_a_filtered_include()
    {
        var loaded = await WithDbAsync(db => db.Children.AsNoTracking().Include(HeldReviews.OfChild).SingleAsync(c => c.LocalId == "START-ON"));

        Assert.Equal([PredicateRowsApp.Day], loaded.Reviews.Select(r => r.HeldOn));
    }

    [Theory]
    [MemberData(nameof(PredicateRowsApp.Dates), MemberType = typeof(PredicateRowsApp))]
    public async Task Episode_overlapping_a_period(DateOnly from)
    {
        var to = from.AddYears(1);
        var inDatabase = await WithDbAsync(db => db.CareEpisodes.Overlapping(from, to).Select(e => e.Id).ToListAsync());
        var inMemory = (await AllChildrenAsync()).SelectMany(c => c.Episodes)
            .Where(e => e.Overlaps(from, to)).Select(e => e.Id).Order().ToList();

        Assert.Equal(inMemory, inDatabase.Order());
    }
}

public sealed class DomainPredicateQuerySqliteTests(PredicateRowsSqliteApp app) : DomainPredicateQueryTests<PredicateRowsSqliteApp>(app);

public sealed class DomainPredicateQueryPostgresTests(PredicateRowsPostgresApp app) : DomainPredicateQueryTests<PredicateRowsPostgresApp>(app);
