using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Web.Tests.Infrastructure;
using static Iro.Web.Tests.Timetable.TimetableScenario;

namespace Iro.Web.Tests.Timetable;

/// <summary>The API, both commands and the pages against the hand-computed timetables, and against each other.</summary>
public abstract class TimetableTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TimetableApp
{
    private const string AsOf = "2026-11-27";

    // T3 (due 6 Nov 2025), T2 (23 Nov 2026), T4 (7 Dec 2026), T1 (25 Mar 2027).
    private static readonly string[] DueOrder = ["T3", "T2", "T4", "T1"];

    private async Task<JsonObject> ApiAsync(string childId, string user = AccessScenario.Manager)
    {
        var client = await app.ClientForAsync(user);
        var response = await client.GetAsync($"/api/v1/children/{childId}/review-timetable");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<string> PageAsync(string path, string user = AccessScenario.Manager)
    {
        var client = await app.ClientForAsync(user);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Api_gives_the_hand_computed_due_dates_and_lateness()
    {
        var t1 = await ApiAsync("T1");
        Assert.Equal("T1", (string?)t1["childId"]);
        var period = Assert.Single(t1["periods"]!.AsArray())!;
        Assert.Equal("2022-05-27", (string?)period["start"]);
        Assert.Null(period["end"]);
        var reviews = period["reviews"]!.AsArray();
        Assert.Equal(T1Reviews.Length, reviews.Count);
        for (var i = 0; i < T1Reviews.Length; i++)
        {
            var (held, due) = T1Reviews[i];
            Assert.Equal(i + 1, (int)reviews[i]!["sequence"]!);
            Assert.Equal(Iso(due), (string?)reviews[i]!["dueDate"]);
            Assert.Equal(Iso(held), (string?)reviews[i]!["heldDate"]);
            Assert.Equal(held <= due, (bool)reviews[i]!["onTime"]!);
            Assert.Equal(Math.Max(0, held.DayNumber - due.DayNumber), (int)reviews[i]!["daysLate"]!);
        }

        Assert.Equal(7, (int)reviews[1]!["daysLate"]!);
        Assert.Equal(Iso(T1NextDue), (string?)period["nextDueDate"]);
        Assert.Empty(t1["problems"]!.AsArray());
        Assert.False((bool)t1["overdue"]!);
    }

    [Fact]
    public async Task Api_restarts_the_timetable_on_return_to_care_and_reports_problems()
    {
        var t2 = await ApiAsync("T2");
        var periods = t2["periods"]!.AsArray();
        Assert.Equal(2, periods.Count);
        Assert.Equal("2023-01-19", (string?)periods[0]!["reviews"]![0]!["dueDate"]);
        Assert.Equal(5, (int)periods[0]!["reviews"]![0]!["daysLate"]!);
        Assert.Equal("2023-04-24", (string?)periods[0]!["reviews"]![1]!["dueDate"]);
        Assert.Null(periods[0]!["nextDueDate"]);
        Assert.Equal(Iso(T2SecondPeriodFirstDue), (string?)periods[1]!["nextDueDate"]);
        Assert.True((bool)t2["overdue"]!);

        var t3 = await ApiAsync("T3");
        var problem = Assert.Single(t3["problems"]!.AsArray())!;
        Assert.Equal("NEW_PERIOD_WITHOUT_S", (string?)problem["code"]);
        Assert.Equal("2025-01-06", (string?)problem["date"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["message"]));
        Assert.Equal("2025-02-03", (string?)t3["periods"]![0]!["reviews"]![0]!["dueDate"]);
        Assert.Equal(Iso(T3NextDue), (string?)t3["periods"]![0]!["nextDueDate"]);
    }

    [Fact]
    public async Task Api_hides_children_outside_the_users_scope()
    {
        var ada = await app.ClientForAsync(AccessScenario.IroAda);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/api/v1/children/T1/review-timetable")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync("/api/v1/children/T2/review-timetable")).StatusCode);
        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/v1/children/T1/review-timetable")).StatusCode);
    }

    [Fact]
    public async Task Cli_timetable_json_matches_the_api_for_every_child()
    {
        var (exit, output, error) = await app.CliAsync("reviews", "timetable", "--as-of", AsOf, "--format", "json");
        Assert.True(exit == 0, error);
        var all = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(AccessScenario.ChildIds.Length + 4, all.Count);
        foreach (var id in new[] { "T1", "T2", "T3", "T4", "A1" })
        {
            var fromCli = all.Single(c => (string?)c!["childId"] == id)!;
            var fromApi = await ApiAsync(id);
            Assert.True(JsonNode.DeepEquals(fromApi, fromCli), $"{id}: API {fromApi.ToJsonString()} CLI {fromCli.ToJsonString()}");
        }

        Assert.True((bool)all.Single(c => (string?)c!["childId"] == "T2")!["overdue"]!);
        Assert.False((bool)all.Single(c => (string?)c!["childId"] == "T4")!["overdue"]!);
    }

    [Fact]
    public async Task Cli_timetable_counts_only_reviews_held_by_the_as_of_date()
    {
        var (exit, output, error) = await app.CliAsync("reviews", "timetable", "--as-of", "2022-10-01", "--child", "T1");
        Assert.True(exit == 0, error);
        var t1 = Assert.Single(JsonNode.Parse(output)!.AsArray())!;
        Assert.Single(t1["periods"]![0]!["reviews"]!.AsArray());
        Assert.Equal("2022-09-27", (string?)t1["periods"]![0]!["nextDueDate"]);
        Assert.True((bool)t1["overdue"]!);
    }

    [Fact]
    public async Task Cli_timetable_csv_has_a_row_per_review_and_per_next_due_date()
    {
        var (exit, output, error) = await app.CliAsync("reviews", "timetable", "--as-of", AsOf, "--child", "T2", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
        [
            "child_id,period_start,period_end,regime,row_type,sequence,due_date,held_date,on_time,days_late,overdue",
            "T2,2022-12-19,2023-08-31,Standard,review,1,2023-01-19,2023-01-24,false,5,",
            "T2,2022-12-19,2023-08-31,Standard,review,2,2023-04-24,2023-04-20,true,0,",
            "T2,2026-10-26,,Standard,next_due,,2026-11-23,,,,true",
        ], lines);
    }

    [Fact]
    public async Task Cli_timeliness_json_gives_the_hand_computed_year()
    {
        var (exit, output, error) = await app.CliAsync("reviews", "timeliness", "--year", "2022-23", "--format", "json");
        Assert.True(exit == 0, error);
        Assert.Contains("\"percent\": 50.0", output, StringComparison.Ordinal);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("2022-23", (string?)json["year"]);
        var months = json["months"]!.AsArray();
        Assert.Equal(12, months.Count);
        Assert.Equal("2022-04", (string?)months[0]!["month"]);
        Assert.Equal("2023-03", (string?)months[11]!["month"]);
        var expected = new Dictionary<string, (int Held, int OnTime, decimal Percent)>
        {
            ["2022-06"] = (1, 1, 100.0m), ["2022-10"] = (1, 0, 0.0m), ["2023-01"] = (1, 0, 0.0m), ["2023-03"] = (1, 1, 100.0m),
        };
        foreach (var m in months)
        {
            var (held, onTime, percent) = expected.GetValueOrDefault((string)m!["month"]!);
            Assert.Equal(held, (int)m["held"]!);
            Assert.Equal(onTime, (int)m["onTime"]!);
            Assert.Equal(percent, (decimal)m["percent"]!);
        }

        Assert.Equal(4, (int)json["total"]!["held"]!);
        Assert.Equal(2, (int)json["total"]!["onTime"]!);
        Assert.Equal(50.0m, (decimal)json["total"]!["percent"]!);
    }

    [Fact]
    public async Task Cli_timeliness_csv_rounds_half_up_to_one_decimal()
    {
        var (exit, output, error) = await app.CliAsync("reviews", "timeliness", "--year", "2025-26", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(14, lines.Length);
        Assert.Equal("month,held,on_time,percent", lines[0]);
        Assert.Equal("2025-04,0,0,0.0", lines[1]);
        Assert.Equal("2025-05,1,0,0.0", lines[2]);
        Assert.Equal("2025-09,1,1,100.0", lines[6]);
        Assert.Equal("2026-03,1,1,100.0", lines[12]);
        Assert.Equal("total,3,2,66.7", lines[13]);
    }

    [Theory]
    [InlineData("reviews", "timetable", "--as-of", AsOf, "--child", "NOSUCH")]
    [InlineData("reviews", "timetable", "--as-of", "2026-13-01")]
    [InlineData("reviews", "timetable", "--as-of", "27/11/2026")]
    [InlineData("reviews", "timeliness", "--year", "2022-24")]
    [InlineData("reviews", "timeliness", "--year", "22-23")]
    public async Task Cli_rejects_unknown_children_and_bad_dates(params string[] args)
    {
        var (exit, output, error) = await app.CliAsync(args);
        Assert.NotEqual(0, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.True(string.IsNullOrWhiteSpace(output), output);
    }

    [Fact]
    public async Task Child_record_shows_the_same_timetable()
    {
        var html = await PageAsync("/children/T1");
        Assert.Contains("Review timetable", html, StringComparison.Ordinal);
        Assert.Contains("28 Jun 2022", html, StringComparison.Ordinal);
        Assert.Contains("7 days late", html, StringComparison.Ordinal);
        Assert.Contains("1 day late", html, StringComparison.Ordinal);
        Assert.Contains("Next review due by <strong>25 Mar 2027</strong>", html, StringComparison.Ordinal);

        var t2 = await PageAsync("/children/T2");
        Assert.Contains("Next review due by <strong>23 Nov 2026</strong>", t2, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--red\">Overdue", t2, StringComparison.Ordinal);
        Assert.Contains("No further review due: the child left care.", t2, StringComparison.Ordinal);

        var t3 = await PageAsync("/children/T3");
        Assert.Contains("timetable-problems", t3, StringComparison.Ordinal);
        Assert.Contains("with RNE P, not S", t3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_due_lists_the_service_in_due_date_order_with_status_tags()
    {
        var html = await PageAsync("/reviews/due");
        var order = DueOrder.Select(id => html.IndexOf($"data-child=\"{id}\"", StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("<strong>9</strong> children", html, StringComparison.Ordinal);
        Assert.Contains("Check data", html, StringComparison.Ordinal);

        var soon = await PageAsync("/reviews/due?status=due-soon");
        Assert.Contains("data-child=\"T4\"", soon, StringComparison.Ordinal);
        Assert.Contains("7 Dec 2026", soon, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> child", soon, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccessScenario.Manager)]
    [InlineData(AccessScenario.IroAda)]
    public async Task Home_page_counts_of_next_reviews_agree_with_the_reviews_due_list(string user)
    {
        var home = await PageAsync("/", user);
        var total = 0;
        foreach (var slug in new[] { "overdue", "due-soon", "scheduled", "unknown" })
        {
            var count = int.Parse(System.Text.RegularExpressions.Regex.Match(home, $"id=\"due-{slug}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var listed = System.Text.RegularExpressions.Regex.Count(await PageAsync($"/reviews/due?status={slug}", user), "data-child=\"");
            Assert.Equal(listed, count);
            total += count;
        }

        Assert.True(total > 0);
        Assert.DoesNotContain("id=\"next-reviews\"", await PageAsync("/", AccessScenario.Analyst), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_due_for_an_iro_is_their_current_caseload_only()
    {
        var html = await PageAsync("/reviews/due", AccessScenario.IroAda);
        foreach (var id in new[] { "A1", "T1", "T3" }) Assert.Contains($"data-child=\"{id}\"", html, StringComparison.Ordinal);
        // AB1 was Ada's (she may still open the record) but is now Ben's caseload.
        foreach (var id in new[] { "AB1", "B1", "D1", "N1", "T2", "T4" }) Assert.DoesNotContain($"data-child=\"{id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_due_csv_has_the_same_rows_as_the_page()
    {
        var client = await app.ClientForAsync(AccessScenario.IroAda);
        var response = await client.GetAsync("/reviews/due?handler=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "child_id,name,iro,due_date,status,regime,reliable,last_review,booking,booked_date,booked_time,format,venue,booked_after_due",
            "A1,Amara Khan,Ada Lovelace,2024-09-27,overdue,Standard,true,2024-06-27,not-booked,,,,,",
            "T3,Theo Carr,Ada Lovelace,2025-11-06,overdue,Standard,false,2025-05-06,not-booked,,,,,",
            "T1,Tom Ashby,Ada Lovelace,2027-03-25,scheduled,Standard,true,2026-09-25,not-booked,,,,,",
        ], lines);
    }

    [Fact]
    public async Task Timeliness_page_agrees_with_the_command_line()
    {
        var html = await PageAsync("/reviews/timeliness?year=2022-23");
        var (_, output, _) = await app.CliAsync("reviews", "timeliness", "--year", "2022-23", "--format", "csv");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var f = line.Split(',');
            var row = RowHtml(html, f[0]);
            Assert.Contains($">{f[1]}<", row, StringComparison.Ordinal);
            Assert.Matches(f[1] == "0" ? Dash : $">{f[3]}%<", row);
        }

        Assert.Contains("<strong>50.0%</strong> on time in 2022-23", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"app-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("data-target=\"95\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/children/T2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeliness_shows_the_previous_year_alongside()
    {
        var html = await PageAsync("/reviews/timeliness?year=2025-26");
        Assert.Contains("<strong>66.7%</strong> on time in 2025-26 (2 of 3)", html, StringComparison.Ordinal);
        Assert.Contains("87.5% in 2024-25 (7 of 8)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysts_see_timeliness_figures_but_no_children()
    {
        var html = await PageAsync("/reviews/timeliness?year=2022-23", AccessScenario.Analyst);
        Assert.Contains("<strong>50.0%</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/children/T", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tia Brook", html, StringComparison.Ordinal);

        var analyst = await app.ClientForAsync(AccessScenario.Analyst);
        foreach (var path in new[] { "/reviews/due", "/reviews/due?handler=csv", "/reviews/data-quality", "/admin/bank-holidays" })
        {
            var response = await analyst.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Data_quality_lists_unreliable_children_in_scope()
    {
        var html = await PageAsync("/reviews/data-quality");
        Assert.Contains("data-child=\"T3\"", html, StringComparison.Ordinal);
        Assert.Contains("NEW_PERIOD_WITHOUT_S", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-child=\"T1\"", html, StringComparison.Ordinal);
        var ben = await PageAsync("/reviews/data-quality", AccessScenario.IroBen);
        Assert.DoesNotContain("data-child=\"T3\"", ben, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeliness_shows_a_dash_not_0_percent_for_months_not_yet_reached()
    {
        // Today is 27 November 2026: December to March have not been reached.
        var html = await PageAsync("/reviews/timeliness?year=2026-27");
        foreach (var month in new[] { "2026-12", "2027-01", "2027-02", "2027-03" })
        {
            var row = RowHtml(html, month);
            Assert.Matches(Dash, row);
            Assert.DoesNotContain(">0.0%<", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Timeliness_csv_download_has_the_months_the_total_and_the_late_reviews()
    {
        var html = await PageAsync("/reviews/timeliness?year=2022-23");
        Assert.Contains("href=\"/reviews/timeliness?year=2022-23&amp;handler=csv\"", html, StringComparison.Ordinal);
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var response = await client.GetAsync("/reviews/timeliness?year=2022-23&handler=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (_, cli, _) = await app.CliAsync("reviews", "timeliness", "--year", "2022-23", "--format", "csv");
        var expected = cli.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => $"{(f[0] == "total" ? "total,2022-23" : "month," + f[0])},{f[1]},{f[2]},{(f[1] == "0" ? "" : f[3])},,,,,,,");
        Assert.Equal("row_type,month,held,on_time,percent,child_id,name,held_date,due_date,days_late,late_reason,late_reason_details", lines[0]);
        Assert.Equal(expected, lines.Skip(1).Take(13));
        var late = lines.Where(l => l.StartsWith("late_review,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, late.Length);
        Assert.StartsWith("late_review,2023-01,,,,T2,Tia Brook,2023-01-24,2023-01-19,5,", late[0], StringComparison.Ordinal);
        Assert.StartsWith("late_review,2022-10,,,,T1,Tom Ashby,2022-10-04,2022-09-27,7,", late[1], StringComparison.Ordinal);

        var analyst = await (await app.ClientForAsync(AccessScenario.Analyst)).GetStringAsync("/reviews/timeliness?year=2022-23&handler=csv");
        Assert.DoesNotContain("late_review,", analyst, StringComparison.Ordinal);
    }

    /// <summary>An en dash alone in a cell, as written or HTML-encoded.</summary>
    private const string Dash = ">(–|&#x2013;)<";

    private static string RowHtml(string html, string month)
    {
        var start = html.IndexOf($"data-month=\"{month}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"No row for {month}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

public sealed class TimetableSqliteTests(TimetableSqliteApp app) : TimetableTests<TimetableSqliteApp>(app);

public sealed class TimetablePostgresTests(TimetablePostgresApp app) : TimetableTests<TimetablePostgresApp>(app);
