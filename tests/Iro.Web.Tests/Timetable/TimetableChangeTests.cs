using System.Net;
using System.Text.Json.Nodes;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Timetable;

/// <summary>Recording why a review was late. A fixture of its own, since it changes data.</summary>
public abstract class LateReasonTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TimetableApp
{
    private const string Page = "/reviews/timeliness?year=2022-23";

    private int ReviewId(string childId, string held)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var date = TimetableScenario.D(held);
        return db.Reviews.Single(r => r.Child!.LocalId == childId && r.HeldOn == date).Id;
    }

    private (ReasonForLateness? Reason, string? Note, int Audits) Stored(int reviewId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var review = db.Reviews.AsNoTracking().Single(r => r.Id == reviewId);
        var key = reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audits = db.AuditEntries.Count(e => e.EntityType == "Review" && e.EntityKey == key && e.Action == "Update");
        return (review.LateReason, review.LateReasonNote, audits);
    }

    private async Task<HttpResponseMessage> PostAsync(string user, int reviewId, string reason, string note = "")
    {
        var client = await app.ClientForAsync(user);
        var token = await SignIn.AntiforgeryTokenAsync(client, Page);
        return await client.PostAsync(Page + "&handler=reason", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reviewId"] = reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"reason-{reviewId}"] = reason,
            [$"note-{reviewId}"] = note,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task A_manager_records_the_reason_and_it_is_audited()
    {
        var id = ReviewId("T1", "2022-10-04");
        var response = await PostAsync(AccessScenario.Manager, id, nameof(ReasonForLateness.ChildUnavailable), "Child in hospital");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (reason, note, audits) = Stored(id);
        Assert.Equal(ReasonForLateness.ChildUnavailable, reason);
        Assert.Equal("Child in hospital", note);
        Assert.Equal(1, audits);

        var client = await app.ClientForAsync(AccessScenario.Manager);
        var html = await client.GetStringAsync(Page);
        Assert.Contains("Child unavailable: Child in hospital", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_iro_cannot_record_a_reason()
    {
        var id = ReviewId("T3", "2025-05-06");
        var response = await PostAsync(AccessScenario.IroAda, id, nameof(ReasonForLateness.IroUnavailable));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal((null, null, 0), Stored(id));
    }

    [Theory]
    [InlineData("", "", "Select why the review was late")]
    [InlineData("NotAReason", "", "Select why the review was late")]
    [InlineData(nameof(ReasonForLateness.Other), "  ", "Enter details of the other reason")]
    public async Task Bad_input_shows_the_error_summary_and_saves_nothing(string reason, string note, string message)
    {
        var id = ReviewId("T2", "2023-01-24");
        var response = await PostAsync(AccessScenario.Manager, id, reason, note);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Equal((null, null, 0), Stored(id));
    }

    [Fact]
    public async Task A_reason_cannot_be_recorded_for_a_review_held_on_time()
    {
        var id = ReviewId("T1", "2022-06-27");
        var response = await PostAsync(AccessScenario.Manager, id, nameof(ReasonForLateness.Other), "Not late at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only be recorded for a review held late", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((null, null, 0), Stored(id));
    }
}

public sealed class LateReasonSqliteTests(TimetableSqliteApp app) : LateReasonTests<TimetableSqliteApp>(app);

public sealed class LateReasonPostgresTests(TimetablePostgresApp app) : LateReasonTests<TimetablePostgresApp>(app);

/// <summary>An administrator's holiday moves working-day due dates. A fixture of its own, since it changes the calendar.</summary>
public abstract class BankHolidayTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TimetableApp
{
    private const string Page = "/admin/bank-holidays";

    private async Task<string?> T2NextDueAsync()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var json = JsonNode.Parse(await client.GetStringAsync("/api/v1/children/T2/review-timetable"))!;
        return (string?)json["periods"]![1]!["nextDueDate"];
    }

    private async Task<HttpResponseMessage> PostAsync(string user, Dictionary<string, string> form)
    {
        var client = await app.ClientForAsync(user);
        form["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/");
        return await client.PostAsync(Page, new FormUrlEncodedContent(form));
    }

    private int Entries()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IroDbContext>().AddedBankHolidays.Count();
    }

    [Fact]
    public async Task Adding_a_holiday_shifts_a_working_day_due_date_and_is_audited()
    {
        Assert.Equal("2026-11-23", await T2NextDueAsync());
        var response = await PostAsync(AccessScenario.Admin, new()
        {
            ["Kind"] = "add", ["Day"] = "2", ["Month"] = "11", ["Year"] = "2026", ["Name"] = "Proclaimed holiday",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // 20 working days after Mon 26 Oct 2026 now skip Mon 2 Nov: Tue 24 Nov.
        Assert.Equal("2026-11-24", await T2NextDueAsync());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var audit = db.AuditEntries.Single(e => e.EntityType == "AddedBankHoliday" && e.Action == "Create" && e.NewValues!.Contains("Proclaimed"));
        Assert.Contains("2026-11-02", audit.NewValues, StringComparison.Ordinal);
        Assert.Contains("Proclaimed holiday", audit.NewValues, StringComparison.Ordinal);

        var admin = await app.ClientForAsync(AccessScenario.Admin);
        Assert.Contains("Proclaimed holiday", await admin.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add", "31", "2", "2027", "New day", "Enter a real date")]
    [InlineData("add", "3", "11", "2027", "", "Enter the name of the holiday")]
    [InlineData("", "3", "11", "2027", "New day", "Select whether to add a holiday or cancel one")]
    [InlineData("add", "25", "12", "2026", "Christmas again", "already a bank holiday")]
    [InlineData("add", "28", "11", "2026", "A Saturday", "is a weekend")]
    [InlineData("cancel", "3", "11", "2027", "Not a holiday", "Only a bank holiday in the built-in calendar can be cancelled")]
    public async Task Bad_input_shows_the_error_summary_and_saves_nothing(string kind, string day, string month, string year, string name, string message)
    {
        var before = Entries();
        var response = await PostAsync(AccessScenario.Admin, new()
        {
            ["Kind"] = kind, ["Day"] = day, ["Month"] = month, ["Year"] = year, ["Name"] = name,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, Entries());
    }

    [Fact]
    public async Task Only_administrators_may_change_the_calendar()
    {
        var before = Entries();
        var response = await PostAsync(AccessScenario.Manager, new()
        {
            ["Kind"] = "add", ["Day"] = "4", ["Month"] = "11", ["Year"] = "2027", ["Name"] = "Not allowed",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(before, Entries());
    }
}

public sealed class BankHolidaySqliteTests(TimetableSqliteApp app) : BankHolidayTests<TimetableSqliteApp>(app);

public sealed class BankHolidayPostgresTests(TimetablePostgresApp app) : BankHolidayTests<TimetablePostgresApp>(app);
