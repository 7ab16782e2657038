using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Timetable;

/// <summary>
/// A small multi-year history on top of the access scenario, with timetables computed by hand from the
/// rules (20 working days, then 3 months, then 6 months, each from the review actually held).
/// T1 (Ada): entered Fri 27 May 2022; first due Tue 28 Jun 2022 (2 and 3 June 2022 were bank holidays).
/// T2 (Ben): entered Mon 19 Dec 2022, first due Thu 19 Jan 2023 (26, 27 Dec and 2 Jan were holidays),
/// left 31 Aug 2023, returned Mon 26 Oct 2026: first due Mon 23 Nov 2026, so overdue on 27 Nov 2026.
/// T3 (Ada): entered Mon 6 Jan 2025 with RNE P (a data problem); first due Mon 3 Feb 2025; overdue since 6 Nov 2025.
/// T4 (Ben): entered Mon 9 Nov 2026; first due Mon 7 Dec 2026, six working days after 27 Nov 2026: due soon.
/// </summary>
public static class TimetableScenario
{
    public static readonly (DateOnly Held, DateOnly Due)[] T1Reviews =
    [
        (D("2022-06-27"), D("2022-06-28")),
        (D("2022-10-04"), D("2022-09-27")),
        (D("2023-03-30"), D("2023-04-04")),
        (D("2023-09-29"), D("2023-09-30")),
        (D("2024-03-29"), D("2024-03-29")),
        (D("2024-09-30"), D("2024-09-29")),
        (D("2025-03-28"), D("2025-03-30")),
        (D("2025-09-26"), D("2025-09-28")),
        (D("2026-03-26"), D("2026-03-26")),
        (D("2026-09-25"), D("2026-09-26")),
    ];

    public static readonly DateOnly T1NextDue = D("2027-03-25");
    public static readonly DateOnly T2SecondPeriodFirstDue = D("2026-11-23");
    public static readonly DateOnly T3NextDue = D("2025-11-06");
    public static readonly DateOnly T4FirstDue = D("2026-12-07");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<IroDbContext>();
        var ada = db.ReviewingOfficers.Single(o => o.Email == AccessScenario.IroAda);
        var ben = db.ReviewingOfficers.Single(o => o.Email == AccessScenario.IroBen);

        var t1 = Child("T1", "Tom", "Ashby", ada.Id, D("2022-05-27"));
        t1.Episodes.Add(Episode(D("2022-05-27"), ReasonForNewEpisode.S, null, null));
        foreach (var (held, _) in T1Reviews) t1.Reviews.Add(new Review { HeldOn = held, Participation = ParticipationCode.PN1 });

        var t2 = Child("T2", "Tia", "Brook", ben.Id, D("2022-12-19"));
        t2.Episodes.Add(Episode(D("2022-12-19"), ReasonForNewEpisode.S, D("2023-08-31"), ReasonEpisodeCeased.E4A));
        t2.Episodes.Add(Episode(D("2026-10-26"), ReasonForNewEpisode.S, null, null));
        t2.Reviews.Add(new Review { HeldOn = D("2023-01-24"), Participation = ParticipationCode.PN1 });
        t2.Reviews.Add(new Review { HeldOn = D("2023-04-20"), Participation = ParticipationCode.PN1 });

        var t3 = Child("T3", "Theo", "Carr", ada.Id, D("2025-01-06"));
        t3.Episodes.Add(Episode(D("2025-01-06"), ReasonForNewEpisode.P, null, null));
        t3.Reviews.Add(new Review { HeldOn = D("2025-02-03"), Participation = ParticipationCode.PN1 });
        t3.Reviews.Add(new Review { HeldOn = D("2025-05-06"), Participation = ParticipationCode.PN1 });

        var t4 = Child("T4", "Tess", "Dale", ben.Id, D("2026-11-09"));
        t4.Episodes.Add(Episode(D("2026-11-09"), ReasonForNewEpisode.S, null, null));

        db.Children.AddRange(t1, t2, t3, t4);
        await db.SaveChangesAsync();
    }

    private static Child Child(string id, string first, string last, int officerId, DateOnly allocated)
    {
        var child = new Child
        {
            LocalId = id, FirstName = first, LastName = last, DateOfBirth = new DateOnly(2012, 3, 1), Sex = Sex.M,
            Ethnicity = Ethnicity.WBRI, Upn = "UN1",
        };
        child.IroAllocations.Add(new IroAllocation { ReviewingOfficerId = officerId, From = allocated });
        return child;
    }

    private static CareEpisode Episode(DateOnly start, ReasonForNewEpisode rne, DateOnly? end, ReasonEpisodeCeased? rec) => new()
    {
        Start = start, ReasonForNewEpisode = rne, LegalStatus = LegalStatus.C2, CategoryOfNeed = CategoryOfNeed.N1,
        Placement = PlacementType.U1, PlacementProvider = PlacementProvider.PR1, End = end, ReasonCeased = rec,
    };
}

/// <summary>The access scenario plus the timetable scenario, on SQLite or PostgreSQL.</summary>
public abstract class TimetableApp(DatabaseProvider provider) : IroAppFactory(provider)
{
    protected override async Task SeedAsync(IServiceProvider services)
    {
        await AccessScenario.SeedAsync(services);
        await TimetableScenario.SeedAsync(services);
    }

    /// <summary>Runs the command line in-process against this app's database.</summary>
    public async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Iro.Web.Cli.IroCommandLine.RunAsync(args, output, error, Database.Settings);
        return (exit, output.ToString(), error.ToString());
    }
}

public sealed class TimetableSqliteApp() : TimetableApp(DatabaseProvider.Sqlite);

public sealed class TimetablePostgresApp() : TimetableApp(DatabaseProvider.Postgres);
