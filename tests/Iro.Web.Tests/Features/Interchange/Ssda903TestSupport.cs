using System.Security.Cryptography;
using System.Text;
using Iro.Domain.Children;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

internal static class Ssda903TestSupport
{
    private static readonly Lazy<string> FakeDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Iro.slnx"))) dir = dir.Parent;
        if (dir?.Parent is null) throw new InvalidOperationException("Repository root (the folder containing Iro.slnx) not found above the test assembly.");
        var fake = Path.Combine(dir.Parent.FullName, "shared", "ssda903", "fake-data");
        return Directory.Exists(fake) ? fake : throw new DirectoryNotFoundException($"Fake 903 data not found beside the repository: {fake}");
    });

    /// <summary>The public fake 903 data (the repository root's parent holds shared/ssda903/fake-data).</summary>
    public static string FakeDataDir => FakeDir.Value;

    public static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    public static IroDbContext Open(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteIroDbContext(new DbContextOptionsBuilder<SqliteIroDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PostgresIroDbContext(new DbContextOptionsBuilder<PostgresIroDbContext>().UseNpgsql(database.ConnectionString).Options);

    public static async Task MigrateAsync(TestDatabase database)
    {
        await using var db = Open(database);
        await db.Database.MigrateAsync();
    }

    public static string TempDir(string prefix = "iro-903-") => Directory.CreateTempSubdirectory(prefix).FullName;

    public sealed record Counts(int Children, int Episodes, int Reviews, int Missing, int Outcomes, int SocialWorkers, int Headers, int Stored, int Imports);

    public static async Task<Counts> CountAsync(TestDatabase database)
    {
        await using var db = Open(database);
        return new Counts(
            await db.Children.CountAsync(), await db.CareEpisodes.CountAsync(), await db.Reviews.CountAsync(),
            await db.Set<MissingEpisode>().CountAsync(), await db.Set<HealthOutcomes>().CountAsync(), await db.SocialWorkerAssignments.CountAsync(),
            await db.Set<Ssda903ChildHeader>().CountAsync(), await db.Set<Ssda903StoredRow>().CountAsync(), await db.Set<Ssda903Import>().CountAsync());
    }

    /// <summary>A hash of every imported value (by child id, not database ids), to compare databases.</summary>
    public static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var db = Open(database);
        var ids = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LocalId);
        var lines = new List<string>();
        lines.AddRange((await db.Children.AsNoTracking().ToListAsync()).Select(c =>
            $"C|{c.LocalId}|{c.Sex}|{c.DateOfBirth}|{c.Ethnicity}|{c.Upn}|{c.IsUnaccompaniedAsylumSeeker}|{c.UascCeased}"));
        lines.AddRange((await db.CareEpisodes.AsNoTracking().ToListAsync()).Select(e =>
            $"E|{ids[e.ChildId]}|{e.Start}|{e.ReasonForNewEpisode}|{e.LegalStatus}|{e.CategoryOfNeed}|{e.Placement}|{e.PlacementProvider}|{e.End}|{e.ReasonCeased}|{e.ReasonPlaceChange}|{e.HomePostcode}|{e.PlacementPostcode}|{e.Urn}"));
        lines.AddRange((await db.Reviews.AsNoTracking().ToListAsync()).Select(r => $"R|{ids[r.ChildId]}|{r.HeldOn}|{r.Participation}"));
        lines.AddRange((await db.Set<MissingEpisode>().AsNoTracking().ToListAsync()).Select(m => $"M|{ids[m.ChildId]}|{m.Start}|{m.End}|{m.Type}"));
        lines.AddRange((await db.Set<HealthOutcomes>().AsNoTracking().ToListAsync()).Select(o =>
            $"O|{ids[o.ChildId]}|{o.YearStart}|{o.SdqScore}|{o.SdqReason}|{o.Convicted}|{o.HealthCheck}|{o.Immunisations}|{o.TeethCheck}|{o.HealthAssessment}|{o.SubstanceMisuse}|{o.InterventionReceived}|{o.InterventionOffered}"));
        lines.AddRange((await db.SocialWorkerAssignments.AsNoTracking().ToListAsync()).Select(s => $"S|{ids[s.ChildId]}|{s.From}|{s.To}|{s.SocialWorkerName}|{s.ReasonForChange}"));
        lines.AddRange((await db.Set<Ssda903ChildHeader>().AsNoTracking().ToListAsync()).Select(h => $"H|{ids[h.ChildId]}|{h.Mother}|{h.MotherChildDob}"));
        lines.AddRange((await db.Set<Ssda903StoredRow>().AsNoTracking().ToListAsync()).Select(r => $"T|{ids[r.ChildId]}|{r.YearStart}|{r.Table}|{r.Position}|{r.Values}"));
        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}
