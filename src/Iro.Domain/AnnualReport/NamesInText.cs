namespace Iro.Domain.AnnualReport;

/// <summary>
/// Finds children's names written in narrative text (the case studies), so a manager is warned before a child
/// can be identified in a published report. A name matches when its first and last names appear together, in
/// that order, as whole words, ignoring case and punctuation ("amara khan's" matches Amara Khan). A first name
/// alone is not matched: case studies use first names that many children share, and would warn on every one.
/// </summary>
public static class NamesInText
{
    private const int LongestName = 6;

    /// <summary>The distinct full names (as given) that the text contains, in the order given.</summary>
    public static IReadOnlyList<string> Find(string? text, IEnumerable<(string? FirstName, string? LastName)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = Words(text);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < words.Count; start++)
            for (var length = 2; length <= LongestName && start + length <= words.Count; length++)
                phrases.Add(string.Join(' ', words.Skip(start).Take(length)));

        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, last) in names)
        {
            if (string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(last)) continue;
            var key = string.Join(' ', Words($"{first} {last}"));
            if (phrases.Contains(key) && seen.Add(key)) found.Add($"{first.Trim()} {last.Trim()}");
        }

        return found;
    }

    /// <summary>Lower-case words; a possessive "'s" and other punctuation end a word.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.ToLowerInvariant();
            var apostrophe = word.IndexOfAny(['\'', '’']);
            if (apostrophe > 0 && word[(apostrophe + 1)..].TrimEnd('.', ',', ';', ':', '!', '?', ')') is "s" or "") word = word[..apostrophe];
            word = new string(word.Where(c => char.IsLetter(c) || c == '-').ToArray()).Trim('-');
            if (word.Length > 0) words.Add(word);
        }

        return words;
    }
}
