using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Voice;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Governance;

/// <summary>
/// The access scenario, with one entry of every kind of record for A1 (and a few for B1, which must never
/// appear in A1's export), and two children born 75 years before the tests' today: one whose 75th birthday is
/// today (past retention) and one whose is tomorrow.
/// </summary>
public abstract class GovernanceApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    public const string PastRetention = "OLD1";
    public const string NotYetPastRetention = "OLD2";
    public const string OtherChildsNote = "Only about Ben Osei";

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await AccessScenario.SeedAsync(services);
        var db = services.GetRequiredService<IroDbContext>();
        var a1 = await db.Children.Include(c => c.Reviews).SingleAsync(c => c.LocalId == "A1");
        var b1 = await db.Children.SingleAsync(c => c.LocalId == "B1");
        var on = new DateOnly(2026, 10, 1);
        db.ReviewDecisions.Add(new ReviewDecision { ReviewId = a1.Reviews[0].Id, What = "Arrange contact", PersonName = "Sam Worker", PersonRole = "Social worker", DueBy = on });
        db.CaseNotes.AddRange(new CaseNote { ChildId = a1.Id, Text = "Spoke to Amara's carer." }, new CaseNote { ChildId = b1.Id, Text = OtherChildsNote });
        db.MidwayReviews.Add(new MidwayReview { ChildId = a1.Id, HeldOn = on, WithWhom = "Amara", Summary = "Settled at school." });
        db.AdvocacyReferrals.Add(new AdvocacyReferral { ChildId = a1.Id, ReferredOn = on, Source = AdvocacySource.Iro, ReasonKeys = "Review" });
        db.IndependentVisitors.Add(new IndependentVisitor { ChildId = a1.Id, NeededOn = on });
        db.MissingEpisodes.Add(new MissingEpisode { ChildId = a1.Id, Start = on });
        db.FeedbackReturns.Add(new FeedbackReturn { ChildId = a1.Id, ReceivedOn = on });
        db.PlacementMoveRecords.Add(new PlacementMoveRecord { ChildId = a1.Id, MovedOn = on });
        db.ConnectedPersonApprovals.Add(new ConnectedPersonApproval { ChildId = a1.Id, ApprovedOn = on });
        db.SocialWorkerAssignments.AddRange(
            new SocialWorkerAssignment { ChildId = a1.Id, SocialWorkerName = "Sam Worker", From = new DateOnly(2024, 6, 1) },
            new SocialWorkerAssignment { ChildId = b1.Id, SocialWorkerName = "Bea Other", From = new DateOnly(2024, 6, 1) });
        db.Children.AddRange(Old(PastRetention, new DateOnly(1951, 11, 27)), Old(NotYetPastRetention, new DateOnly(1951, 11, 28)));
        await db.SaveChangesAsync();
    }

    private static Child Old(string id, DateOnly born) => new()
    {
        LocalId = id, FirstName = "Former", LastName = id, DateOfBirth = born, Sex = Iro.Domain.Codes.Sex.M, Ethnicity = Iro.Domain.Codes.Ethnicity.WBRI,
    };
}

public sealed class SqliteGovernanceApp() : GovernanceApp(DatabaseProvider.Sqlite);

public sealed class PostgresGovernanceApp() : GovernanceApp(DatabaseProvider.Postgres);
