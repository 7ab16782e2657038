using System.Net;
using Iro.Domain.Children;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Features.SocialWorkers;

/// <summary>
/// Social workers on the child record (today 27 November 2026). A1 starts with Ann from 1 June 2024 and Bob from
/// 1 January 2026: one change in the last 12 months.
/// </summary>
public abstract class SocialWorkerPagesTests(IroAppFactory app) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        if (await db.SocialWorkerAssignments.AnyAsync()) return;
        var a1 = await db.Children.SingleAsync(c => c.LocalId == "A1");
        db.SocialWorkerAssignments.AddRange(
            new SocialWorkerAssignment { ChildId = a1.Id, SocialWorkerName = "Ann Hale", From = new DateOnly(2024, 6, 1), To = new DateOnly(2026, 1, 1) },
            new SocialWorkerAssignment { ChildId = a1.Id, SocialWorkerName = "Bob Reyes", From = new DateOnly(2026, 1, 1) });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Adding_workers_closes_the_previous_one_and_the_third_change_in_a_year_is_flagged()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        Assert.Contains("1 change of social worker in the last 12 months", await client.GetStringAsync("/children/A1"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Cy Moss", "1", "6", "2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Dee Lowe", "2", "11", "2026")).StatusCode);

        var html = await client.GetStringAsync("/children/A1");
        Assert.Contains("3 changes of social worker in the last 12 months", html, StringComparison.Ordinal);
        Assert.Contains("govuk-warning-text", html[html.IndexOf("id=\"social-workers\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var workers = await scope.ServiceProvider.GetRequiredService<IroDbContext>().SocialWorkerAssignments
            .Where(s => s.Child!.LocalId == "A1").OrderBy(s => s.From).Select(s => new { s.SocialWorkerName, s.To }).ToListAsync();
        Assert.Equal(["Ann Hale", "Bob Reyes", "Cy Moss", "Dee Lowe"], workers.Select(w => w.SocialWorkerName));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 2), null], workers.Select(w => w.To));
    }

    [Theory]
    [InlineData("", "1", "1", "2026", "Enter the social worker's name")]
    [InlineData("Eve", "", "", "", "Enter the date they started")]
    [InlineData("Eve", "1", "12", "2026", "The date they started must be today or in the past")]
    [InlineData("Eve", "1", "1", "2025", "The date they started must be after the start of the latest social worker recorded")]
    public async Task Bad_input_is_reported_and_nothing_is_saved(string name, string day, string month, string year, string message)
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var before = await db.SocialWorkerAssignments.CountAsync();

        var response = await PostAsync(client, name, day, month, year);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await db.SocialWorkerAssignments.CountAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string name, string day, string month, string year)
    {
        const string page = "/children/A1/social-workers";
        var token = await SignIn.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SocialWorkerName"] = name, ["From.Day"] = day, ["From.Month"] = month, ["From.Year"] = year, ["__RequestVerificationToken"] = token,
        }));
    }
}

public sealed class SocialWorkerPagesSqliteTests(SqliteApp app) : SocialWorkerPagesTests(app), IClassFixture<SqliteApp>;

public sealed class SocialWorkerPagesPostgresTests(PostgresApp app) : SocialWorkerPagesTests(app), IClassFixture<PostgresApp>;
