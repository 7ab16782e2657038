using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Web.Tests.Infrastructure;

/// <summary>What the audit trail holds, for tests that check a request left (or did not leave) its entries.</summary>
public static class AuditQueries
{
    public static async Task<string> UserIdAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The newest audit entry's id (0 when there is none): entries after it were written since.</summary>
    public static async Task<long> LastAuditIdAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    /// <summary>The reads of a child's record written after the entry <paramref name="after"/>.</summary>
    public static async Task<List<AuditEntry>> ChildReadsAfterAsync(IServiceProvider services, long after)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IroDbContext>().AuditEntries
            .Where(e => e.Id > after && e.Action == AuditLog.ReadAction && e.EntityType == AuditLog.ChildEntity).ToListAsync();
    }
}
