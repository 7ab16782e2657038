using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Scheduling;

/// <summary>Leases on scheduled work, so that of several instances running the same schedule only one does each run.</summary>
public sealed class ScheduledWorkLeases(TimeProvider clock, InstanceIdentity instance)
{
    /// <summary>
    /// Takes the lease called <paramref name="name"/> for <paramref name="period"/> when nobody holds it (it is new,
    /// or its holder's time is up): one statement, so of instances asking at once exactly one gets it.
    /// </summary>
    public async Task<bool> TryTakeAsync(IroDbContext db, string name, TimeSpan period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "ScheduledWorkLeases" ("Name", "Holder", "ExpiresUtc") VALUES ({0}, {1}, {2})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresUtc" = excluded."ExpiresUtc"
            WHERE "ScheduledWorkLeases"."ExpiresUtc" <= {3}
            """,
            [name, instance.Name, now + period, now], ct);
        return taken == 1;
    }
}
