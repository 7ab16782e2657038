using Iro.Bench;

// Performance checks, one verb per file: dotnet run -c Release --project bench/Iro.Bench -- <verb>
var verbs = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["timetable"] = TimetableBench.RunAsync,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    await Console.Error.WriteLineAsync($"Usage: Iro.Bench <verb>. Verbs: {string.Join(", ", verbs.Keys)}");
    return 2;
}

return await verb(args[1..]);
