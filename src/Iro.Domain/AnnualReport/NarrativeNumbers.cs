using System.Globalization;
using System.Text.RegularExpressions;

namespace Iro.Domain.AnnualReport;

/// <summary>Whether a figure is a count ("56 children") or a percentage ("92.4%").</summary>
public enum FigureKind
{
    Count,
    Percent,
}

/// <summary>
/// A figure of the report that narrative text may quote: its name, kind and value (a percentage already rounded to
/// one decimal place, as the tables show it) and the phrases that name it ("reviews held on time").
/// </summary>
public sealed record NarrativeFigure(string Name, FigureKind Kind, decimal Value, IReadOnlyList<string> Phrases);

/// <summary>A number written in the text that claims to be a figure of the report.</summary>
public sealed record NarrativeClaim(string Written, decimal Quoted, NarrativeFigure Figure)
{
    public bool Matches => Quoted == Figure.Value;
}

/// <summary>
/// The "narrative numbers equal table numbers" check (annual-report rules §5.4). The rule, kept simple so a
/// manager can predict it:
/// <list type="number">
/// <item>Every number in the text is read, with thousands separators ("1,204"); one followed by "%", "per cent" or
/// "percent" is a percentage, any other a count. A number inside a word or code ("PN1") is not read.</item>
/// <item>The words after the number, up to the end of its clause (a full stop, comma, semicolon, colon, bracket or
/// line end), are what it counts. Small words ("of", "the", "were", "have", ...) are ignored on both sides.</item>
/// <item>The number claims a figure when those words begin with one of the figure's phrases and the kinds agree
/// (a percentage claims only a percentage). Of several such figures, the longest phrase wins; a number whose
/// words name no figure ("31 March", "3 case studies") claims nothing and is not checked.</item>
/// <item>A claim must equal the figure exactly: a percentage is written as the tables write it, to one decimal
/// place ("17.6%", not "18%").</item>
/// </list>
/// </summary>
public static partial class NarrativeNumbers
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "our", "their", "all", "were", "was", "are", "is", "be", "been", "have", "has", "had", "who", "which", "that",
    };

    public static IReadOnlyList<NarrativeClaim> Claims(string? text, IReadOnlyList<NarrativeFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var named = figures.SelectMany(f => f.Phrases.Select(p => (Figure: f, Words: Words(p)))).Where(p => p.Words.Count > 0).ToList();
        var claims = new List<NarrativeClaim>();
        foreach (Match number in Number().Matches(text))
        {
            var kind = number.Groups["percent"].Success ? FigureKind.Percent : FigureKind.Count;
            var following = Words(ClauseEnd().Split(text[(number.Index + number.Length)..], 2)[0]);
            var claimed = named
                .Where(p => p.Figure.Kind == kind && following.Count >= p.Words.Count && following.Take(p.Words.Count).SequenceEqual(p.Words))
                .OrderByDescending(p => p.Words.Count)
                .Select(p => p.Figure)
                .FirstOrDefault();
            if (claimed is null) continue;
            var quoted = decimal.Parse(number.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
            claims.Add(new NarrativeClaim(number.Value.Trim(), quoted, claimed));
        }

        return claims;
    }

    /// <summary>A failure for each number that claims a figure but does not equal it.</summary>
    public static IReadOnlyList<ReconciliationFailure> Check(string? text, IReadOnlyList<NarrativeFigure> figures) =>
        Claims(text, figures)
            .Where(c => !c.Matches)
            .Select(c => new ReconciliationFailure(
                $"Key messages: \"{c.Written}\" ({c.Figure.Name})",
                $"the text says {c.Written} but the report's figure is {Format(c.Figure)}"))
            .ToList();

    private static string Format(NarrativeFigure figure) =>
        figure.Kind == FigureKind.Percent
            ? figure.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : figure.Value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !SmallWords.Contains(w)).ToList();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{L}\p{N}])(?<percent>\s*(?:%|per\s?cent\b))?", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"[.,;:()!?\r\n]")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
