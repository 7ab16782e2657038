using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Escalations;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Infrastructure;

/// <summary>
/// A small, hand-built service for access tests. Ada is in-house; Ben and Cara work for Northwind; Dev for
/// Southgate. A1 is Ada's; B1 is Ben's; AB1 was Ada's and is now Ben's; D1 was Cara's and is now Dev's; N1 has
/// no IRO and is referred to Northwind, whose coordinator sees it until an IRO is allocated. Each child has
/// one open escalation at team manager level, raised on <see cref="EscalationRaisedOn"/> by their latest IRO (Ada for
/// N1), whose response is overdue by the tests' today.
/// </summary>
public static class AccessScenario
{
    public const string Password = "Correct-horse-42";
    public const string Northwind = "Northwind Reviewing";

    public const string Manager = "manager@test.example";
    public const string Support = "support@test.example";
    public const string Admin = "admin@test.example";
    public const string Analyst = "analyst@test.example";
    public const string IroAda = "ada@test.example";
    public const string IroBen = "ben@test.example";
    public const string Coordinator = "coordinator@test.example";

    public static readonly string[] ChildIds = ["A1", "B1", "AB1", "D1", "N1"];

    public static readonly DateOnly EscalationRaisedOn = new(2026, 11, 2);

    /// <summary>Which children each user may see; everyone else gets "not found".</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Visible = new Dictionary<string, string[]>
    {
        [Manager] = ChildIds,
        [Support] = ChildIds,
        [Admin] = ChildIds,
        [Analyst] = [],
        [IroAda] = ["A1", "AB1"],
        [IroBen] = ["B1", "AB1"],
        [Coordinator] = ["B1", "AB1", "N1"],
    };

    /// <summary>
    /// Which of the visible children each user may change (post to): an IRO only their current children, so AB1
    /// is read-only to Ada. Users not listed may change every child they see.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Writable = new Dictionary<string, string[]>
    {
        [IroAda] = ["A1"],
        [IroBen] = ["B1", "AB1"],
    };

    public static IEnumerable<string> WritableBy(string user) => Writable.TryGetValue(user, out var children) ? children : Visible[user];

    public static readonly IReadOnlyDictionary<string, string> RoleOf = new Dictionary<string, string>
    {
        [Manager] = Roles.Manager, [Support] = Roles.BusinessSupport, [Admin] = Roles.Admin, [Analyst] = Roles.Analyst,
        [IroAda] = Roles.Iro, [IroBen] = Roles.Iro, [Coordinator] = Roles.AgencyCoordinator,
    };

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<IroDbContext>();
        var ada = Officer("Ada Lovelace", IroAda, Employment.InHouse, null);
        var ben = Officer("Ben Okri", IroBen, Employment.Commissioned, Northwind);
        var cara = Officer("Cara Delaney", "cara@test.example", Employment.Commissioned, Northwind);
        var dev = Officer("Dev Patel", "dev@test.example", Employment.Commissioned, "Southgate Reviewing");
        db.ReviewingOfficers.AddRange(ada, ben, cara, dev);

        Child[] children =
        [
            Child("A1", "Amara", "Khan", (ada, new DateOnly(2025, 1, 10), null)),
            Child("B1", "Ben", "Osei", (ben, new DateOnly(2025, 1, 10), null)),
            Child("AB1", "Zara", "Hussain", (ada, new DateOnly(2024, 6, 1), new DateOnly(2025, 6, 30)), (ben, new DateOnly(2025, 7, 1), null)),
            // Cara's allocation ended: her agency's coordinator no longer sees D1.
            Child("D1", "Leo", "Nowak", (cara, new DateOnly(2024, 6, 1), new DateOnly(2025, 1, 9)), (dev, new DateOnly(2025, 1, 10), null)),
            Child("N1", "Ivy", "Reid"),
        ];
        db.Children.AddRange(children);
        db.AgencyReferrals.Add(new AgencyReferral { Child = children[4], PeriodStart = new DateOnly(2024, 6, 1), Agency = Northwind, SentOn = new DateOnly(2026, 11, 20) });
        db.Escalations.AddRange(children.Select(c => Escalation(c, c.IroAllocations.LastOrDefault()?.ReviewingOfficer ?? ada)));
        await db.SaveChangesAsync();

        var provisioning = services.GetRequiredService<UserProvisioning>();
        foreach (var (email, role) in RoleOf)
        {
            var result = await provisioning.CreateAsync(email, email.Split('@')[0], role, Password, Northwind, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
    }

    private static Escalation Escalation(Child child, ReviewingOfficer raisedBy) => new()
    {
        Child = child, RaisedByOfficer = raisedBy, RaisedOn = EscalationRaisedOn,
        Concern = "Contact with siblings has not been arranged", ActionRequested = "Arrange fortnightly contact with siblings",
        Themes = [new EscalationThemeTag { Key = "FamilyContact" }],
        Stages =
        [
            new EscalationStage
            {
                Sequence = 1, Level = "TeamManager", RecipientName = "Tess Manager", RecipientRole = "Team manager", RaisedOn = EscalationRaisedOn,
                ResponseDueOn = EscalationRaisedOn.AddDays(7),
            },
        ],
    };

    private static ReviewingOfficer Officer(string name, string email, Employment employment, string? agency) => new()
    {
        Name = name, Email = email, Employment = employment, Agency = agency, Fte = 1.0m, Gender = Gender.NotKnown,
        StartDate = new DateOnly(2020, 1, 1),
    };

    private static Child Child(string id, string first, string last, params (ReviewingOfficer Officer, DateOnly From, DateOnly? To)[] allocations)
    {
        var child = new Child
        {
            LocalId = id, FirstName = first, LastName = last, DateOfBirth = new DateOnly(2014, 5, 20), Sex = Sex.F,
            Ethnicity = Ethnicity.WBRI, Upn = "UN1",
        };
        child.Episodes.Add(new CareEpisode
        {
            Start = new DateOnly(2024, 6, 1), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
            CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U6, PlacementProvider = PlacementProvider.PR1,
        });
        foreach (var (officer, from, to) in allocations)
            child.IroAllocations.Add(new IroAllocation { ReviewingOfficer = officer, From = from, To = to });
        child.Reviews.Add(new Review { HeldOn = new DateOnly(2024, 6, 27), Participation = ParticipationCode.PN1 });
        return child;
    }
}
