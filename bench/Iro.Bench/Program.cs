namespace Iro.Bench;

/// <summary>
/// Benchmark helper. The first argument names a verb; each verb lives in its own file with a
/// static RunAsync(string[] args) and is registered in <see cref="Verbs"/>.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, (string Help, Func<string[], Task<int>> Run)> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ssda903"] = ("Generate a national-scale 903 return, write it as CSV, then time parse + validate. Options: --children N --runs N --year 2025-26 --dir PATH (reuse/keep files) --keep --statutory-only --dump FILE (write every row and finding of the first run, to compare builds)", Ssda903Bench.RunAsync),
        ["timetable"] = ("Time every child's review timetable and a year's timeliness: in memory at national scale, then from a 10,000-child demo borough in SQLite. Options: [children, default 120000] --db PATH (reuse/keep the seeded database)", TimetableBench.RunAsync),
        ["ssda903-import"] = ("Import a national-scale generated 903 return into a fresh SQLite database through the import service, import it again unchanged, export the year; then the same on PostgreSQL. Options: --children N --year 2025-26 --dir PATH (reuse/keep files) --keep-db FILE (keep the SQLite database) --postgres CONNECTION (default IRO_TEST_POSTGRES; none skips) --only sqlite|postgres --verbose (time each table of the merge) --no-export (the imports only)", Ssda903ImportBench.RunAsync),
        ["caseloads"] = ("Time the 12-month month-end caseload trend: a generated history in memory, then the demo borough in SQLite through the caseload source. Options: [children, default 120000] [database children, default 120000; 0 skips]", CaseloadBench.RunAsync),
        ["drift"] = ("Time the service drift list for the demo borough scaled to 10,000 children in SQLite: views right after a change (list computed again) and views with nothing changed. Options: [children] [views] [--db PATH (reuse/keep the seeded database)]", DriftBench.RunAsync),
        ["pages"] = ("Time single requests to home, reviews due (first page) and timeliness over HTTP as a manager, on a national-scale generated return imported into SQLite. Options: --children N (default 120000) --runs N (default 5) --db PATH (reuse/keep the database)", PagesBench.RunAsync),
        ["annual-report"] = ("Time the full annual report (figures, layout and each format) over a generated national-scale 903 return imported into SQLite. Options: [children, default 120000] [runs, default 3] [--db PATH (reuse/keep the imported database)] [--format json|html|docx|xlsx (default all four)]", AnnualReportBench.RunAsync),
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            Console.Error.WriteLine("Usage: Iro.Bench <verb> [options]");
            foreach (var (name, (help, _)) in Verbs)
            {
                Console.Error.WriteLine($"  {name,-10} {help}");
            }

            return args.Length == 0 ? 1 : 2;
        }

        return await verb.Run(args[1..]).ConfigureAwait(false);
    }
}
