using Iro.Domain.Codes;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Iro.Web.Tests.Features.Interchange.Ssda903TestSupport;

namespace Iro.Web.Tests.Features.Voice;

/// <summary>A 903 re-import updates the missing episodes it holds and keeps the return home interviews recorded on them.</summary>
public sealed class MissingReimportTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reimporting_the_return_keeps_the_interview_fields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directory = TempDir();
        try
        {
            var ret = SyntheticReturnGenerator.Generate(120, 5, CollectionYear.Parse("2023-24"));
            Ssda903Writer.WriteDirectory(ret, directory, ret.Year);
            Assert.Equal(0, (await RunAsync(database, "import", "ssda903", "--year", "2023-24", directory)).Exit);

            int changedId;
            List<int> ids;
            MissingType? type;
            await using (var db = Open(database))
            {
                var episodes = await db.MissingEpisodes.OrderBy(e => e.Id).Take(2).ToListAsync();
                Assert.NotEmpty(episodes);
                foreach (var e in episodes)
                {
                    (e.InterviewOfferedOn, e.InterviewOfferedTime) = (e.Start, new TimeOnly(9, 0));
                    (e.InterviewCompletedOn, e.InterviewCompletedTime, e.InterviewBy, e.InterviewDeclined, e.IroInformed) = (e.Start.AddDays(1), new TimeOnly(10, 0), "Jo Worker", false, true);
                }

                // The first differs from the return, so the re-import updates it; any other matches it.
                (changedId, ids, type) = (episodes[0].Id, [.. episodes.Select(e => e.Id)], episodes[0].Type);
                episodes[0].Type = type == MissingType.M ? MissingType.A : MissingType.M;
                await db.SaveChangesAsync();
            }

            var again = await RunAsync(database, "import", "ssda903", "--year", "2023-24", directory);

            Assert.True(again.Exit == 0, again.Error);
            Assert.Contains("other rows 0 added, 1 updated", again.Output, StringComparison.Ordinal);
            await using var check = Open(database);
            foreach (var id in ids)
            {
                var e = await check.MissingEpisodes.AsNoTracking().SingleAsync(m => m.Id == id);
                Assert.Equal(
                    ((DateOnly?)e.Start, new TimeOnly(9, 0), e.Start.AddDays(1), new TimeOnly(10, 0), "Jo Worker", false, true),
                    (e.InterviewOfferedOn, e.InterviewOfferedTime!.Value, e.InterviewCompletedOn!.Value, e.InterviewCompletedTime!.Value, e.InterviewBy, e.InterviewDeclined!.Value, e.IroInformed!.Value));
            }

            Assert.Equal(type, (await check.MissingEpisodes.AsNoTracking().SingleAsync(m => m.Id == changedId)).Type);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
