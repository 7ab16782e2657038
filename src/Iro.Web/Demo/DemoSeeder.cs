using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Account;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Demo;

/// <summary>Writes a generated demo borough and one demo account per role.</summary>
public sealed class DemoSeeder(IroDbContext db, UserProvisioning users, TimeProvider clock, Audit.AuditSwitch auditSwitch)
{
    private const string SeedAction = "DemoSeed";

    public sealed record DemoAccount(string Email, string Role, string Password);

    public sealed record Result(bool Seeded, string Message, DemoBorough? Borough, IReadOnlyList<DemoAccount> Accounts);

    public static IReadOnlyList<DemoAccount> Accounts(int seed, string iroEmail) =>
    [
        new("manager@demo.iro.example", Roles.Manager, $"Demo-manager-{seed}"),
        new(iroEmail, Roles.Iro, $"Demo-iro-{seed}-pass"),
        new("support@demo.iro.example", Roles.BusinessSupport, $"Demo-support-{seed}"),
        new("agency@demo.iro.example", Roles.AgencyCoordinator, $"Demo-agency-{seed}"),
        new("analyst@demo.iro.example", Roles.Analyst, $"Demo-analyst-{seed}"),
        new("admin@demo.iro.example", Roles.Admin, $"Demo-admin-{seed}-pass"),
    ];

    public async Task<Result> SeedAsync(int seed, int children, DateOnly asOf, bool reset, CancellationToken ct)
    {
        if (reset) await db.Database.EnsureDeletedAsync(ct);
        await db.Database.MigrateAsync(ct);
        if (await db.Children.AnyAsync(ct) || await db.ReviewingOfficers.AnyAsync(ct))
        {
            // Already seeded: show the demo accounts again so the person running the app can sign in.
            var seeded = await db.AuditEntries.Where(e => e.Action == SeedAction).OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
            var earlier = seeded is null ? [] : Accounts(int.Parse(seeded.EntityKey, System.Globalization.CultureInfo.InvariantCulture), seeded.NewValues ?? "");
            return new Result(false, "The database already holds data; nothing was changed. Use --reset to replace it with the demo borough.", null, earlier);
        }

        var borough = new DemoBoroughGenerator(seed, children, asOf).Generate();
        // A bulk load of history, not staff changes: one seed entry below stands for it in the audit.
        using var bulkLoad = auditSwitch.Suspend();
        // All or nothing: a seed that fails part-way leaves an empty database, not a half borough.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ReviewingOfficers.AddRange(borough.Officers);
        await db.SaveChangesAsync(ct);
        foreach (var batch in borough.Children.Chunk(500))
        {
            db.Children.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }

        // MOTHER and MC_DOB live with the other 903 header fields the product gives back on export.
        db.Set<Ssda903ChildHeader>().AddRange(borough.Mothers.Select(m => new Ssda903ChildHeader { ChildId = m.Key.Id, Mother = m.Value.Mother, MotherChildDob = m.Value.ChildDob }));
        await db.SaveChangesAsync(ct);

        // The escalations point at the children and IROs saved above, still tracked.
        db.Escalations.AddRange(borough.Escalations);
        await db.SaveChangesAsync(ct);
        db.ParentChildLinks.AddRange(borough.AllocationWork.ParentChildLinks);
        db.OfficerFteChanges.AddRange(borough.AllocationWork.FteChanges);
        db.AgencyReferrals.AddRange(borough.AllocationWork.AgencyReferrals);
        await db.SaveChangesAsync(ct);
        await DemoVoice.AddAsync(db, borough, seed, ct);
        await DemoAnnualReport.AddAsync(db, asOf, ct);

        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        var accounts = Accounts(seed, borough.Officers[0].Email);
        foreach (var account in accounts)
        {
            var name = account.Role == Roles.Iro ? borough.Officers[0].Name : $"Demo {account.Role}";
            var created = await users.CreateAsync(account.Email, name, account.Role, account.Password, DemoBoroughGenerator.Agency, ct);
            if (!created.Succeeded) throw new InvalidOperationException($"Could not create {account.Email}: {string.Join("; ", created.Errors)}");
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = "system", Action = SeedAction, EntityType = "DemoBorough",
            EntityKey = seed.ToString(System.Globalization.CultureInfo.InvariantCulture), NewValues = borough.Officers[0].Email,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var lookedAfter = DemoBoroughGenerator.CountLookedAfter(borough.Children, borough.ReferenceMarch31);
        return new Result(true, $"Demo borough seeded (seed {seed}): {borough.Children.Count} children in the history, {lookedAfter} looked after at {borough.ReferenceMarch31:d MMMM yyyy}, {borough.Officers.Count} IROs, {borough.Escalations.Count} escalations.", borough, accounts);
    }
}
