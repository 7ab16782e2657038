namespace Iro.Ssda903;

public static partial class Ssda903Reader
{
    /// <summary>
    /// Reads the files into <paramref name="ret"/>. With more than one file and more than one processor the files
    /// are parsed side by side (largest first), each into a return of its own, and then taken in the order given,
    /// exactly as if read one after the other: the same rows in the same order, the same findings in the same
    /// order, and a second file with a table already read ignored with its warning (its rows and row findings
    /// dropped, as it would not have been read).
    /// </summary>
    private static void ReadFiles(IEnumerable<(string Path, string Name)> files, Ssda903Return ret, List<Finding> findings, Dictionary<Ssda903Table, string> sources)
    {
        var list = files.ToList();
        var workers = Math.Min(Environment.ProcessorCount, list.Count);
        if (workers < 2)
        {
            foreach (var (path, name) in list)
            {
                ReadFile(path, name, ret, findings, sources, mark: null);
            }

            return;
        }

        var reads = new FileRead[list.Count];
        var largestFirst = Enumerable.Range(0, list.Count).OrderByDescending(i => SizeOf(list[i].Path)).ThenBy(i => i).ToArray();
        var next = -1;
        void Work()
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < largestFirst.Length)
            {
                var i = largestFirst[k];
                reads[i] = FileRead.Read(list[i].Path, list[i].Name, ret.Year);
            }
        }

        var helpers = Enumerable.Range(1, workers - 1).Select(_ => Task.Run(Work)).ToArray();
        Work();
        Task.WaitAll(helpers);
        foreach (var read in reads)
        {
            read.TakeInto(ret, findings, sources);
        }
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Opens one file and reads it; a file that cannot be opened becomes a finding.</summary>
    private static void ReadFile(string path, string name, Ssda903Return ret, List<Finding> findings, IDictionary<Ssda903Table, string> sources, TableMark? mark)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            ReadCsvGuarded(ret, fs, name, findings, sources, mark);
        }
        catch (IOException ex)
        {
            findings.Add(FileFinding("READ-FAILED", FindingSeverity.Error, $"File '{name}' could not be opened: {ex.Message}", name));
        }
        catch (UnauthorizedAccessException ex)
        {
            findings.Add(FileFinding("READ-FAILED", FindingSeverity.Error, $"File '{name}' could not be opened: {ex.Message}", name));
        }
    }

    /// <summary>The table a file was recognised as, and how many of its findings came before that.</summary>
    private sealed class TableMark
    {
        public Ssda903Table? Table { get; private set; }

        public int FindingsBefore { get; private set; }

        public void Recognised(Ssda903Table table, int findingsBefore)
        {
            Table = table;
            FindingsBefore = findingsBefore;
        }
    }

    /// <summary>One file read on its own, to be taken into the return in the order the files were given.</summary>
    private sealed class FileRead
    {
        private readonly string _name;
        private readonly Ssda903Return _rows;
        private readonly List<Finding> _findings = [];
        private readonly TableMark _mark = new();

        private FileRead(string name, CollectionYear year)
        {
            _name = name;
            _rows = new Ssda903Return(year);
        }

        public static FileRead Read(string path, string name, CollectionYear year)
        {
            var read = new FileRead(name, year);
            ReadFile(path, name, read._rows, read._findings, new Dictionary<Ssda903Table, string>(), read._mark);
            return read;
        }

        /// <summary>Does what reading this file after the earlier ones would have done to the shared results.</summary>
        public void TakeInto(Ssda903Return ret, List<Finding> findings, Dictionary<Ssda903Table, string> sources)
        {
            if (_mark.Table is { } table && sources.TryGetValue(table, out var earlier))
            {
                findings.AddRange(_findings.Take(_mark.FindingsBefore));
                findings.Add(DuplicateTable(_name, table, earlier));
                return;
            }

            if (_mark.Table is { } recognised)
            {
                sources[recognised] = _name;
            }

            ret.AddAll(_rows);
            findings.AddRange(_findings);
        }
    }
}
