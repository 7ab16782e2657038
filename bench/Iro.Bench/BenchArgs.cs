namespace Iro.Bench;

/// <summary>Named options among a verb's positional arguments.</summary>
internal static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/> (null when absent), with both removed from <paramref name="args"/>.</summary>
    public static string? Take(ref string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return null;
        var value = at + 1 < args.Length ? args[at + 1] : null;
        args = [.. args[..at], .. args[Math.Min(args.Length, at + 2)..]];
        return value;
    }
}
