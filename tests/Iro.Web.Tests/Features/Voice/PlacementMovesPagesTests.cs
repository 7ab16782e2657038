using System.Net;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Voice;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Escalations.EscalationForms;
using static Iro.Web.Tests.Features.Reviews.ReviewForms;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>
/// Placement moves from the care episodes: recording consultation and when the IRO was told (bad input and stale
/// forms save nothing), and the service's share consulted.
/// </summary>
public abstract class PlacementMovesPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private static readonly DateOnly FirstMove = new(2026, 3, 1);
    private static readonly DateOnly SecondMove = new(2026, 8, 1);

    [Fact]
    public async Task An_iro_records_a_move_and_the_service_page_shows_the_share_consulted()
    {
        SeedMoves(app);
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        var list = await ada.GetStringAsync("/children/A1/placement-moves");
        Assert.Contains("data-moved=\"2026-03-01\"", list, StringComparison.Ordinal);
        Assert.Contains("data-moved=\"2026-08-01\"", list, StringComparison.Ordinal);

        var saved = await PostAsync(ada, "/children/A1/placement-moves/record?movedOn=2026-03-01",
            ("Version", Guid.Empty.ToString()), ("Consulted", "true"), ("IroTold", "BeforeMove"), ("Reason", "Closer to school"));

        Assert.Equal((HttpStatusCode.Redirect, "/children/A1/placement-moves"), (saved.StatusCode, saved.Headers.Location?.OriginalString));
        var record = Stored(app, FirstMove)!;
        Assert.Equal((true, IroToldOfMove.BeforeMove, "Closer to school"), (record.ConsultedBeforeMove!.Value, record.IroTold!.Value, record.Reason));

        const string year = "/placement-moves?From.Day=1&From.Month=1&From.Year=2026&To.Day=27&To.Month=11&To.Year=2026";
        foreach (var user in new[] { AccessScenario.Manager, AccessScenario.Analyst })
        {
            var page = await (await app.ClientForAsync(user)).GetStringAsync(year);
            Assert.Contains("data-figure=\"moves\">2<", page, StringComparison.Ordinal);
            Assert.Contains("1 of 2 moves (50.0%)", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Amara", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_input_a_stale_form_and_a_date_that_is_not_a_move_save_nothing()
    {
        SeedMoves(app);
        var ada = await app.ClientForAsync(AccessScenario.IroAda);

        var empty = await PostAsync(ada, "/children/A1/placement-moves/record?movedOn=2026-08-01", ("Version", Guid.Empty.ToString()), ("IroTold", "Sometimes"));
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select whether the child was consulted before the move", html, StringComparison.Ordinal);
        Assert.Contains("Select when the IRO was told of the move", html, StringComparison.Ordinal);
        Assert.Null(Stored(app, SecondMove));

        var notAMove = await PostAsync(ada, "/children/A1/placement-moves/record?movedOn=2026-05-05", ("Consulted", "true"), ("IroTold", "AfterMove"));
        Assert.Equal(HttpStatusCode.NotFound, notAMove.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ada, "/children/A1/placement-moves/record?movedOn=2026-08-01",
            ("Version", Guid.Empty.ToString()), ("Consulted", "false"), ("IroTold", "AfterMove"))).StatusCode);
        var stale = await PostAsync(ada, "/children/A1/placement-moves/record?movedOn=2026-08-01",
            ("Version", Guid.NewGuid().ToString()), ("Consulted", "true"), ("IroTold", "BeforeMove"));
        Assert.Contains("Someone else recorded this move", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((false, IroToldOfMove.AfterMove), (Stored(app, SecondMove)!.ConsultedBeforeMove!.Value, Stored(app, SecondMove)!.IroTold!.Value));
    }

    private static PlacementMoveRecord? Stored(IroAppFactory app, DateOnly movedOn) => Query(app, db =>
        db.PlacementMoveRecords.AsNoTracking().SingleOrDefault(r => r.Child!.LocalId == "A1" && r.MovedOn == movedOn));

    /// <summary>A1 moves on 1 March and 1 August 2026 (two changes of placement after the scenario's first episode).</summary>
    private static void SeedMoves(IroAppFactory app) => Query(app, db =>
    {
        var child = db.Children.Include(c => c.Episodes).Single(c => c.LocalId == "A1");
        if (child.Episodes.Count > 1) return 0;
        child.Episodes[0].End = FirstMove;
        child.Episodes[0].ReasonCeased = ReasonEpisodeCeased.X1;
        child.Episodes.Add(Episode(FirstMove, SecondMove, PlacementType.U4));
        child.Episodes.Add(Episode(SecondMove, null, PlacementType.U6));
        return db.SaveChanges();
    });

    private static CareEpisode Episode(DateOnly start, DateOnly? end, PlacementType placement) => new()
    {
        Start = start, End = end, ReasonCeased = end is null ? null : ReasonEpisodeCeased.X1, ReasonForNewEpisode = ReasonForNewEpisode.P,
        LegalStatus = LegalStatus.C2, CategoryOfNeed = CategoryOfNeed.N1, Placement = placement, PlacementProvider = PlacementProvider.PR1,
    };
}

public sealed class PlacementMovesPagesSqliteTests(SqliteApp app) : PlacementMovesPagesTests<SqliteApp>(app);

public sealed class PlacementMovesPagesPostgresTests(PostgresApp app) : PlacementMovesPagesTests<PostgresApp>(app);
