using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Iro.Ssda903.Synthetic;

namespace Iro.Ssda903.Tests;

/// <summary>Mutated CSV and XML never make the reader throw; damage shows up as findings or changed rows.</summary>
public class FuzzTests
{
    private static readonly Lazy<byte[]> ValidEpisodes = new(() =>
    {
        var ret = SyntheticReturnGenerator.Generate(40, 3, TestData.Year2017);
        return Encoding.UTF8.GetBytes(Ssda903Writer.WriteCsvText(ret, Ssda903Table.Episodes));
    });

    private static readonly Lazy<byte[]> ValidXml = new(() =>
    {
        var ret = SyntheticReturnGenerator.Generate(10, 3, TestData.Year2017);
        using var ms = new MemoryStream();
        Ssda903Writer.WriteXml(ret, ms);
        return ms.ToArray();
    });

    private static readonly byte[] Interesting = [(byte)',', (byte)'"', (byte)'\n', (byte)'\r', 0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'/', (byte)'<', (byte)'>'];

    internal static byte[] Mutate(byte[] source, Random rng)
    {
        var bytes = new List<byte>(source);
        var edits = rng.Next(1, 12);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var pos = rng.Next(bytes.Count);
            byte value = rng.Next(3) == 0 ? Interesting[rng.Next(Interesting.Length)] : (byte)rng.Next(256);
            switch (rng.Next(5))
            {
                case 0:
                    bytes.RemoveAt(pos);
                    break;
                case 1:
                    bytes.Insert(pos, value);
                    break;
                case 2:
                    bytes[pos] = value;
                    break;
                case 3:
                    bytes.RemoveRange(pos, bytes.Count - pos);
                    break;
                default:
                    bytes[pos] ^= (byte)(1 << rng.Next(8));
                    break;
            }
        }

        return [.. bytes];
    }

    [Fact]
    public void Seeded_mutations_of_valid_csv_never_throw_and_damage_is_visible()
    {
        var original = TestData.ReadBytes(ValidEpisodes.Value).Return.Episodes.Count;
        var rng = new Random(20240401);
        var changed = 0;
        for (var i = 0; i < 400; i++)
        {
            var mutated = Mutate(ValidEpisodes.Value, rng);
            var result = TestData.ReadBytes(mutated, "fuzz.csv");
            Assert.NotNull(result.Findings);
            var findings = Ssda903Validator.Validate(result.Return, TestData.Year2017);
            if (result.Findings.Count > 0 || findings.Count > 0 || result.Return.Episodes.Count != original)
            {
                changed++;
            }
        }

        // Most random damage must be noticed (some edits hit free-text postcodes or URNs harmlessly).
        Assert.True(changed > 300, $"only {changed} of 400 mutations were noticed");
    }

    [Fact]
    public void Seeded_mutations_of_valid_xml_never_throw()
    {
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            using var ms = new MemoryStream(Mutate(ValidXml.Value, rng));
            var result = Ssda903Reader.ReadXml(ms, TestData.Year2017);
            Assert.NotNull(result.Findings);
            Ssda903Validator.Validate(result.Return, TestData.Year2017);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Arbitrary_text_never_makes_the_reader_throw(string? text, byte[]? prefix)
    {
        var bytes = (prefix ?? []).Concat(Encoding.UTF8.GetBytes(text ?? string.Empty)).ToArray();
        var result = TestData.ReadBytes(bytes, "any.csv");
        return (result.Findings.Count > 0 || result.Sources.Count == 1).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Arbitrary_header_lines_are_recognised_or_reported(string[]? columns)
    {
        var cols = (columns ?? []).Select(c => (c ?? string.Empty).Replace("\"", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
        var result = TestData.ReadText(string.Join(",", cols) + "\n1,2\n", "cols.csv");
        var recognised = result.Sources.Count == 1;
        var reported = result.Findings.Any(f => f.RuleCode.StartsWith("READ-", StringComparison.Ordinal));
        return (recognised || reported).ToProperty();
    }
}
