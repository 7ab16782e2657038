using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Iro.Web.Tests.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Iro.Web.Tests.Timetable.TimetableScenario;

namespace Iro.Web.Tests.Features.Oversight;

/// <summary>
/// The midway list reads each child's next due date from the stored timetable (the timetable scenario, today
/// Fri 27 Nov 2026, actionable from 1 Apr 2025, midway half way from the last review to the next due date).
/// T1: last review Fri 25 Sep 2026, next due Thu 25 Mar 2027: midway Fri 25 Dec 2026 (181 days, 90.5 rounded up), not yet due.
/// T2: last review Thu 20 Apr 2023, next due Mon 23 Nov 2026 (1,313 days): midway Wed 5 Feb 2025, before the look-back.
/// T3: last review Tue 6 May 2025, next due Thu 6 Nov 2025 (184 days): midway Wed 6 Aug 2025, overdue.
/// </summary>
public abstract class OversightStoredTimetableTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TimetableApp
{
    private async Task<string[]> MidwayRowsAsync(string query = "")
    {
        var csv = await (await app.ClientForAsync(AccessScenario.Manager)).GetStringAsync($"/oversight?handler=csv&list=midway{query}");
        return [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(r => r.StartsWith('T'))];
    }

    [Fact]
    public async Task Midway_reviews_overdue_follow_the_stored_next_due_date_after_a_change()
    {
        Assert.Equal(["T3,Theo Carr,Ada Lovelace,2025-08-06"], await MidwayRowsAsync());

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var t1 = await db.Children.Include(c => c.Reviews).SingleAsync(c => c.LocalId == "T1");
            t1.Reviews.Single(r => r.HeldOn == D("2026-09-25")).IsDeleted = true;
            await db.SaveChangesAsync();
        }

        // T1's last review is now Thu 26 Mar 2026, next due Sat 26 Sep 2026 (184 days): midway Fri 26 Jun 2026.
        Assert.Equal(["T3,Theo Carr,Ada Lovelace,2025-08-06", "T1,Tom Ashby,Ada Lovelace,2026-06-26"], await MidwayRowsAsync());
    }

    [Fact]
    public async Task Midway_reviews_due_before_the_look_back_are_in_the_older_view()
    {
        Assert.Equal(["T2,Tia Brook,Ben Okri,2025-02-05"], await MidwayRowsAsync("&view=older"));
    }
}

public sealed class OversightStoredTimetableSqliteTests(TimetableSqliteApp app) : OversightStoredTimetableTests<TimetableSqliteApp>(app);

public sealed class OversightStoredTimetablePostgresTests(TimetablePostgresApp app) : OversightStoredTimetableTests<TimetablePostgresApp>(app);
