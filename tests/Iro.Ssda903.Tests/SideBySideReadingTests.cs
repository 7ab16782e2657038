using System.Text;
using Iro.Ssda903.Synthetic;

namespace Iro.Ssda903.Tests;

/// <summary>
/// Files of a folder are parsed side by side; the result must be what reading them one after the other gives:
/// the same rows in the same order, the same findings in the same order, the same sources.
/// </summary>
public class SideBySideReadingTests
{
    [Fact]
    public void A_folder_reads_as_its_files_read_one_after_the_other()
    {
        var dir = TestData.TempDir();
        try
        {
            var year = TestData.Year2017;
            Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(300, 16, year), dir, year);
            var episodes = File.ReadAllText(Path.Combine(dir, "episodes.csv"));
            var lines = episodes.Split('\n');

            // Damage that gives findings before and after each file's table is known.
            lines[3] += ",extra";
            lines[5] = lines[5].Replace(",", ",\"x\"\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "episodes.csv"), string.Join('\n', lines));
            File.WriteAllText(Path.Combine(dir, "aa_empty.csv"), string.Empty);
            File.WriteAllText(Path.Combine(dir, "ab_unknown.csv"), "CHILD,FOO\n1,2\n");

            // A second episodes file, not UTF-8 and ragged: its warning before the table is known stays, its rows
            // and row findings go, as it would not have been read.
            var latin1 = Encoding.Latin1.GetBytes(string.Join('\n', lines.Take(40)).Replace("\n1", "\n\u00e91", StringComparison.Ordinal) + "\n1,2\n");
            File.WriteAllBytes(Path.Combine(dir, "zz_episodes_again.csv"), latin1);

            var files = Directory.EnumerateFiles(dir).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
            var expected = OneAfterAnother(files, Path.GetFileName, year);
            Assert.Contains(expected.Findings, f => f.RuleCode == "READ-DUPLICATE-TABLE");
            Assert.Contains(expected.Findings, f => f.RuleCode == "READ-NOT-UTF8" && f.Source == "zz_episodes_again.csv");
            Assert.Contains(expected.Findings, f => f.RuleCode == "READ-RAGGED" && f.Source == "episodes.csv");
            Assert.DoesNotContain(expected.Findings, f => f.RuleCode == "READ-RAGGED" && f.Source == "zz_episodes_again.csv");
            AssertSame(expected, Ssda903Reader.ReadDirectory(dir, year));

            static string Upload(string path) => "upload-" + Path.GetFileName(path);
            AssertSame(OneAfterAnother(files, Upload, year), Ssda903Reader.ReadCsvFiles(files.Select(f => (f, Upload(f))), year));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (Ssda903Return Return, List<Finding> Findings, Dictionary<Ssda903Table, string> Sources) OneAfterAnother(List<string> files, Func<string, string> name, CollectionYear year)
    {
        var ret = new Ssda903Return(year);
        var findings = new List<Finding>();
        var sources = new Dictionary<Ssda903Table, string>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            Ssda903Reader.ReadCsvInto(ret, stream, name(file), findings, sources);
        }

        return (ret, findings, sources);
    }

    private static void AssertSame((Ssda903Return Return, List<Finding> Findings, Dictionary<Ssda903Table, string> Sources) expected, Ssda903ReadResult actual)
    {
        Assert.Equal(Describe(expected.Findings), Describe(actual.Findings));
        Assert.Equal(expected.Sources.ToList(), actual.Sources.ToList());
        Assert.Equal(Rows(expected.Return), Rows(actual.Return));
    }

    private static List<string> Describe(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f} | {f.Source} | {f.Child}")];

    private static List<string> Rows(Ssda903Return ret) =>
        [.. Ssda903Schema.Tables.SelectMany(t => ret.Rows(t).Select(r => $"{t} {r.RowNumber}: {string.Join('|', r.RawValues())}"))];
}
