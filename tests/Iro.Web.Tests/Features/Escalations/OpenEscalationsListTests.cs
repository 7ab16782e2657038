using System.Text.RegularExpressions;
using Iro.Web.Tests.Features.Reviews;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features.Escalations;

/// <summary>
/// The list of open escalations: the user's scope, overdue first with each clock, and the filters by IRO, level,
/// theme and team (the IRO's agency, or in-house).
/// </summary>
public abstract class OpenEscalationsListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : IroAppFactory
{
    [Theory]
    [InlineData(AccessScenario.Manager, "A1,AB1,B1,D1,N1")]
    [InlineData(AccessScenario.Support, "A1,AB1,B1,D1,N1")]
    [InlineData(AccessScenario.IroAda, "A1,AB1")]
    [InlineData(AccessScenario.IroBen, "AB1,B1")]
    [InlineData(AccessScenario.Coordinator, "AB1,B1,N1")]
    public async Task Each_user_sees_the_open_escalations_of_the_children_in_their_scope(string user, string expected)
    {
        var client = await app.ClientForAsync(user);

        var html = await client.GetStringAsync("/escalations");

        Assert.Equal(expected, string.Join(",", EscalationForms.ListedChildren(html).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Each_row_shows_the_current_stage_clock_and_the_total_clock()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);

        var html = await manager.GetStringAsync("/escalations");

        // Raised on Monday 2 November at team manager level: the stage was due on 9 November, the 20 working days
        // in total end on Monday 30 November, one working day after today.
        Assert.Equal(5, Regex.Count(html, "data-clock=\"stage\">\\s*<span class=\"app-clock\">Due 9 Nov 2026 <strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>"));
        Assert.Equal(5, Regex.Count(html, "data-clock=\"total\">\\s*<span class=\"app-clock\">Due 30 Nov 2026 <strong class=\"govuk-tag govuk-tag--yellow\">Due soon</strong>"));
    }

    [Theory]
    [InlineData("?team=" + AccessScenario.Northwind, "AB1,B1")]
    [InlineData("?team=In-house", "A1,N1")]
    [InlineData("?team=Southgate%20Reviewing", "D1")]
    [InlineData("?theme=Sdq", "")]
    [InlineData("?theme=FamilyContact&level=TeamManager", "A1,AB1,B1,D1,N1")]
    [InlineData("?level=Director", "")]
    public async Task The_filters_narrow_the_list(string query, string expected)
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);

        var html = await manager.GetStringAsync("/escalations" + query);

        Assert.Equal(expected, string.Join(",", EscalationForms.ListedChildren(html).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task The_iro_filter_shows_the_escalations_they_raised()
    {
        var manager = await app.ClientForAsync(AccessScenario.Manager);
        var ben = ReviewForms.OfficerId(app, AccessScenario.IroBen);

        var html = await manager.GetStringAsync($"/escalations?iro={ben}");

        Assert.Equal("AB1,B1", string.Join(",", EscalationForms.ListedChildren(html).Order(StringComparer.Ordinal)));
    }
}

public sealed class OpenEscalationsListSqliteTests(SqliteApp app) : OpenEscalationsListTests<SqliteApp>(app);

public sealed class OpenEscalationsListPostgresTests(PostgresApp app) : OpenEscalationsListTests<PostgresApp>(app);
