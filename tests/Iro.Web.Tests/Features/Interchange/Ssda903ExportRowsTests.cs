using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using static Iro.Web.Tests.Features.Interchange.Ssda903TestSupport;

namespace Iro.Web.Tests.Features.Interchange;

/// <summary>
/// The export reads children, episodes, child headers and reviews from the query's data reader: each column comes
/// back as the return carries it (every column filled, blanks, codes, dates), soft-deleted and unheld reviews stay
/// out, and the year's first and last days are inside it.
/// </summary>
public sealed class Ssda903ExportRowsTests : IAsyncLifetime
{
    private static readonly CollectionYear Year = CollectionYear.Parse("2025-26");
    private readonly List<TestDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_column_of_the_years_children_episodes_and_reviews_is_read_as_the_return_carries_it(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        _databases.Add(database);
        await MigrateAsync(database);
        await SeedAsync(database);

        await using var db = Open(database);
        var ret = await new Ssda903Exporter(db).BuildAsync(Year, CancellationToken.None);

        Assert.Equal(
            [
                "A1|F|09/07/2012|WBRI|A123456789012|1|06/05/2024",
                // Rule 399: a child whose episodes are all short breaks has no MOTHER.
                "B2|M|01/01/2010|OOTH|||",
            ],
            Lines(ret.Header));
        Assert.Equal(["A1|F|09/07/2012|01/12/2025"], Lines(ret.Uasc));
        Assert.Equal(
            [
                // Open on the year's first day; ended after 31 March, so written as open at the year's end.
                "A1|01/04/2025|P|C2|N1|U2|||||||",
                // Ended on the year's first day: inside the year, with its reasons.
                "A1|10/01/2024|S|C2|N1|U1|PR1|01/04/2025|E11|CARPL|AB1 2CD|EF3 4GH|SC123456",
                "B2|01/05/2025|S|V3|N1|U1||03/05/2025|E13||||1234567",
            ],
            Lines(ret.Episodes));
        // Held on the year's first and last days; not the day before or after, nor deleted or planned reviews, nor
        // the short-break child's.
        Assert.Equal(["A1|09/07/2012|01/04/2025|PN1", "A1|09/07/2012|01/10/2025|", "A1|09/07/2012|31/03/2026|PN7"], Lines(ret.Reviews));
    }

    private static List<string> Lines(IEnumerable<Ssda903Row> rows) =>
        rows.Select(r => string.Join('|', r.RawValues())).Order(StringComparer.Ordinal).ToList();

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = Open(database);
        var a = new Child
        {
            LocalId = "A1", FirstName = "Alex", LastName = "Ash", Sex = Sex.F, DateOfBirth = new(2012, 7, 9), Ethnicity = Ethnicity.WBRI,
            Upn = "A123456789012", IsUnaccompaniedAsylumSeeker = true, UascCeased = new(2025, 12, 1),
        };
        var b = new Child { LocalId = "B2", Sex = Sex.M, DateOfBirth = new(2010, 1, 1), Ethnicity = Ethnicity.OOTH };
        var c = new Child { LocalId = "C3", Sex = Sex.U, DateOfBirth = new(2011, 2, 3), Ethnicity = Ethnicity.WOTH };
        db.Children.AddRange(a, b, c);
        await db.SaveChangesAsync();

        db.CareEpisodes.AddRange(
            new CareEpisode
            {
                ChildId = a.Id, Start = new(2024, 1, 10), End = new(2025, 4, 1), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U1, PlacementProvider = PlacementProvider.PR1, ReasonCeased = ReasonEpisodeCeased.E11,
                ReasonPlaceChange = ReasonPlaceChange.CARPL, HomePostcode = "AB1 2CD", PlacementPostcode = "EF3 4GH", Urn = "SC123456",
            },
            new CareEpisode
            {
                ChildId = a.Id, Start = new(2025, 4, 1), End = new(2026, 4, 1), ReasonForNewEpisode = ReasonForNewEpisode.P, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U2, ReasonCeased = ReasonEpisodeCeased.E13, ReasonPlaceChange = ReasonPlaceChange.STAND,
            },
            new CareEpisode
            {
                ChildId = a.Id, Start = new(2026, 4, 2), ReasonForNewEpisode = ReasonForNewEpisode.P, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U2,
            },
            new CareEpisode
            {
                ChildId = b.Id, Start = new(2025, 5, 1), End = new(2025, 5, 3), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.V3,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U1, ReasonCeased = ReasonEpisodeCeased.E13, Urn = "1234567",
            },
            new CareEpisode
            {
                ChildId = c.Id, Start = new(2024, 6, 1), End = new(2025, 3, 31), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N2, Placement = PlacementType.U1, ReasonCeased = ReasonEpisodeCeased.E11,
            });
        db.Set<Ssda903ChildHeader>().AddRange(
            new Ssda903ChildHeader { ChildId = a.Id, Mother = "1", MotherChildDob = new(2024, 5, 6) },
            new Ssda903ChildHeader { ChildId = b.Id, Mother = "0" });
        db.Reviews.AddRange(
            new Review { ChildId = a.Id, HeldOn = new(2025, 3, 31), Participation = ParticipationCode.PN2 },
            new Review { ChildId = a.Id, HeldOn = new(2025, 4, 1), Participation = ParticipationCode.PN1 },
            new Review { ChildId = a.Id, HeldOn = new(2025, 6, 1), Participation = ParticipationCode.PN3, IsDeleted = true },
            new Review { ChildId = a.Id, HeldOn = new(2025, 7, 1), Status = ReviewStatus.Planned },
            new Review { ChildId = a.Id, HeldOn = new(2025, 10, 1) },
            new Review { ChildId = a.Id, HeldOn = new(2026, 3, 31), Participation = ParticipationCode.PN7 },
            new Review { ChildId = a.Id, HeldOn = new(2026, 4, 1), Participation = ParticipationCode.PN4 },
            new Review { ChildId = b.Id, HeldOn = new(2025, 5, 2), Participation = ParticipationCode.PN0 });
        await db.SaveChangesAsync();
    }
}
