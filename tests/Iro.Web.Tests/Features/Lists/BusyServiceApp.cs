using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.Lists;

/// <summary>
/// The access scenario plus 30 of Ada's children whose records of the review held on 1 June 2026 are overdue
/// (more than one page of every list), and one postponement waiting for a manager.
/// The scenario's own five records, of reviews held in June 2024, fall before the look-back.
/// </summary>
public abstract class BusyServiceApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    public const int Extra = 30;

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await AccessScenario.SeedAsync(services);
        var db = services.GetRequiredService<IroDbContext>();
        await AddChildrenAsync(db);
        var review = new Review { ChildId = (await db.Children.SingleAsync(c => c.LocalId == "A1")).Id, HeldOn = new DateOnly(2026, 12, 10), Status = ReviewStatus.Planned };
        review.ChangeRequests.Add(new ReviewChangeRequest
        {
            Kind = ReviewChangeKind.Postpone, NewDate = new DateOnly(2026, 12, 17), Reason = "Carer unwell", State = ApprovalState.Pending,
            CreatedByName = "Ada Lovelace", CreatedAt = Now,
        });
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
    }

    /// <summary>Ada's 30 extra children, X01 to X30, surnames sorting after the scenario's.</summary>
    public static async Task AddChildrenAsync(IroDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ada = await db.ReviewingOfficers.SingleAsync(o => o.Email == AccessScenario.IroAda);
        for (var i = 1; i <= Extra; i++)
        {
            var child = new Child
            {
                LocalId = $"X{i:00}", FirstName = "Child", LastName = $"Zz{i:00}", DateOfBirth = new DateOnly(2015, 3, 1), Sex = Sex.M,
                Ethnicity = Ethnicity.WBRI, Upn = "UN1",
            };
            child.Episodes.Add(new CareEpisode
            {
                Start = new DateOnly(2026, 1, 5), ReasonForNewEpisode = ReasonForNewEpisode.S, LegalStatus = LegalStatus.C2,
                CategoryOfNeed = CategoryOfNeed.N1, Placement = PlacementType.U4, PlacementProvider = PlacementProvider.PR1,
            });
            child.IroAllocations.Add(new IroAllocation { ReviewingOfficer = ada, From = new DateOnly(2026, 1, 5) });
            child.Reviews.Add(new Review { HeldOn = new DateOnly(2026, 1, 30), Participation = ParticipationCode.PN1, RecordIssuedOn = new DateOnly(2026, 2, 10) });
            child.Reviews.Add(new Review { HeldOn = new DateOnly(2026, 6, 1), Participation = ParticipationCode.PN1 });
            db.Children.Add(child);
        }

        await db.SaveChangesAsync();
    }
}

public sealed class BusyServiceSqliteApp() : BusyServiceApp(DatabaseProvider.Sqlite);

public sealed class BusyServicePostgresApp() : BusyServiceApp(DatabaseProvider.Postgres);
