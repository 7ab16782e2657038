using System.Text;

namespace Iro.Ssda903.Tests;

internal static class TestData
{
    public static readonly CollectionYear Year2017 = CollectionYear.Parse("2017-18");

    private static readonly Lazy<string> FakeDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Iro.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("Repository root (the folder containing Iro.slnx) not found above the test assembly.");
        }

        var fake = Path.Combine(dir.Parent.FullName, "shared", "ssda903", "fake-data");
        return Directory.Exists(fake) ? fake : throw new DirectoryNotFoundException($"Fake 903 data not found beside the repository: {fake}");
    });

    /// <summary>The fake 903 data folder: the repository root's parent holds shared/ssda903/fake-data.</summary>
    public static string FakeDataDir => FakeDir.Value;

    public static Ssda903ReadResult ReadText(string text, string name = "test.csv", CollectionYear? year = null) =>
        ReadBytes(new UTF8Encoding(false).GetBytes(text), name, year);

    public static Ssda903ReadResult ReadBytes(byte[] bytes, string name = "test.csv", CollectionYear? year = null)
    {
        using var ms = new MemoryStream(bytes);
        return Ssda903Reader.ReadCsv(ms, name, year ?? Year2017);
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "iro-ssda903-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>All rows of every table with RowNumber cleared, in writer order, for comparing returns.</summary>
    public static List<Ssda903Row> Canonical(Ssda903Return ret, params Ssda903Table[] tables)
    {
        var list = new List<Ssda903Row>();
        foreach (var t in tables.Length == 0 ? Ssda903Schema.Tables : tables)
        {
            list.AddRange(Ssda903Writer.Ordered(ret.Rows(t)).Select(r => r with { RowNumber = 0 }));
        }

        return list;
    }
}
