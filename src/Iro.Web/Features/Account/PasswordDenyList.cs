using System.Collections.Frozen;
using System.Text.Json;

namespace Iro.Web.Features.Account;

/// <summary>
/// Common and breached passwords nobody may choose (NCSC password guidance: a deny-list and a minimum length
/// rather than composition rules). The list is the password dictionary of the <c>@zxcvbn-ts/language-common</c>
/// npm package, copied into the build output and read once.
/// </summary>
public sealed class PasswordDenyList
{
    public const string RelativePath = "PasswordDenyList/passwords.json";
    private const string PackagePath = "node_modules/@zxcvbn-ts/language-common/src/passwords.json";

    /// <summary>A deny-listed word padded with fewer characters than this is still that word ("dragon2024!").</summary>
    private const int ShortestWordStillRecognised = 4;

    private readonly FrozenSet<string> _passwords;

    public PasswordDenyList(IEnumerable<string> passwords) =>
        _passwords = passwords.Select(p => p.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

    public int Count => _passwords.Count;

    /// <summary>Reads the list from the build output (or, when run from source, from the npm package).</summary>
    public static PasswordDenyList Load(string contentRoot)
    {
        var path = new[] { Path.Combine(AppContext.BaseDirectory, RelativePath), Path.Combine(contentRoot, PackagePath) }
            .FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The common-password deny-list ({RelativePath}) is missing from the build output: build the app, which installs it with npm.");
        using var stream = File.OpenRead(path);
        return new PasswordDenyList(JsonSerializer.Deserialize<string[]>(stream) ?? []);
    }

    /// <summary>
    /// Whether the password is on the list, ignoring case, or is a listed word with only digits and punctuation
    /// around it ("Password1234", "monkey!!2024").
    /// </summary>
    public bool Contains(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (_passwords.Contains(lower)) return true;
        var word = lower.Trim(PaddingCharacters(lower));
        return word.Length >= ShortestWordStillRecognised && _passwords.Contains(word);
    }

    private static char[] PaddingCharacters(string password) =>
        password.Where(c => char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c)).Distinct().ToArray();
}
