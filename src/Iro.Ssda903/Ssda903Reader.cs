using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CsvHelper;
using Iro.Ssda903.Internal;

namespace Iro.Ssda903;

/// <summary>
/// Reads 903 CSV files (recognised by their header set, whatever the file name or column order) and the
/// XML form. Reading never throws on bad content: problems become findings with codes starting READ-.
/// </summary>
public static partial class Ssda903Reader
{
    private const int MaxRowFindingsPerFile = 50;

    /// <summary>Reads every *.csv file in a directory (XML files are not read; use <see cref="ReadXmlFile"/>).</summary>
    public static Ssda903ReadResult ReadDirectory(string dir, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var ret = new Ssda903Return(year);
        var findings = new List<Finding>();
        var sources = new Dictionary<Ssda903Table, string>();
        if (!Directory.Exists(dir))
        {
            findings.Add(FileFinding("READ-DIR", FindingSeverity.Error, $"Folder '{Path.GetFileName(dir)}' does not exist.", Path.GetFileName(dir)));
            return new Ssda903ReadResult(ret, findings, sources);
        }

        var files = Directory.EnumerateFiles(dir)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        ReadFiles(files.Select(f => (f, Path.GetFileName(f))), ret, findings, sources);
        foreach (var required in new[] { Ssda903Table.Header, Ssda903Table.Episodes, Ssda903Table.Reviews })
        {
            if (!sources.ContainsKey(required))
            {
                findings.Add(new Finding("READ-MISSING-TABLE", FindingSeverity.Warning, $"No file with the {required} columns ({string.Join(",", Ssda903Schema.Columns(required))}) was found.", required, null, [], []));
            }
        }

        return new Ssda903ReadResult(ret, findings, sources);
    }

    /// <summary>Reads the given CSV files into one return.</summary>
    public static Ssda903ReadResult ReadCsvFiles(IEnumerable<string> paths, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var ret = new Ssda903Return(year);
        var findings = new List<Finding>();
        var sources = new Dictionary<Ssda903Table, string>();
        ReadFiles(paths.Select(p => (p, Path.GetFileName(p))), ret, findings, sources);
        return new Ssda903ReadResult(ret, findings, sources);
    }

    /// <summary>Reads CSV files stored under names of their own, naming each in findings as <c>Name</c> (an upload's own name).</summary>
    public static Ssda903ReadResult ReadCsvFiles(IEnumerable<(string Path, string Name)> files, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ret = new Ssda903Return(year);
        var findings = new List<Finding>();
        var sources = new Dictionary<Ssda903Table, string>();
        ReadFiles(files, ret, findings, sources);
        return new Ssda903ReadResult(ret, findings, sources);
    }

    /// <summary>Reads one CSV stream (any table) into a new return.</summary>
    public static Ssda903ReadResult ReadCsv(Stream stream, string sourceName, CollectionYear year)
    {
        var ret = new Ssda903Return(year);
        var findings = new List<Finding>();
        var sources = new Dictionary<Ssda903Table, string>();
        ReadCsvInto(ret, stream, sourceName, findings, sources);
        return new Ssda903ReadResult(ret, findings, sources);
    }

    /// <summary>
    /// Reads one CSV stream into <paramref name="target"/>; returns the table recognised, or null.
    /// A table already present in <paramref name="sources"/> is not read twice (a warning is added).
    /// </summary>
    public static Ssda903Table? ReadCsvInto(Ssda903Return target, Stream stream, string sourceName, ICollection<Finding> findings, IDictionary<Ssda903Table, string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(findings);
        return ReadCsvGuarded(target, stream, sourceName ?? "stream", findings, sources ?? new Dictionary<Ssda903Table, string>(), mark: null);
    }

    /// <summary>
    /// <see cref="ReadCsvInto"/> without the argument checks; <paramref name="mark"/>, when given, is told the table
    /// and how many findings came before it was recognised (for reading files side by side, see <c>ReadFiles</c>).
    /// </summary>
    private static Ssda903Table? ReadCsvGuarded(Ssda903Return target, Stream stream, string sourceName, ICollection<Finding> findings, IDictionary<Ssda903Table, string> sources, TableMark? mark)
    {
        try
        {
            return ReadCsvCore(target, stream, sourceName, findings, sources, mark);
        }
#pragma warning disable CA1031 // Reading must turn any failure on bad content into a finding.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            findings.Add(FileFinding("READ-FAILED", FindingSeverity.Error, $"File '{sourceName}' could not be read: {ex.Message}", sourceName));
            return null;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Ssda903Table? ReadCsvCore(Ssda903Return target, Stream stream, string source, ICollection<Finding> findings, IDictionary<Ssda903Table, string> sources, TableMark? mark)
    {
        var prefix = new byte[TextSniffer.PrefixSize];
        var length = 0;
        while (length < prefix.Length)
        {
            var n = stream.Read(prefix, length, prefix.Length - length);
            if (n == 0)
            {
                break;
            }

            length += n;
        }

        var kind = TextSniffer.Classify(prefix.AsSpan(0, length), atEnd: length < prefix.Length);
        switch (kind)
        {
            case SniffResult.Empty:
                findings.Add(FileFinding("READ-EMPTY", FindingSeverity.Error, $"File '{source}' is empty.", source));
                return null;
            case SniffResult.Utf16:
                findings.Add(FileFinding("READ-UTF16", FindingSeverity.Error, $"File '{source}' is UTF-16; save as UTF-8.", source));
                return null;
            case SniffResult.Binary:
                findings.Add(FileFinding("READ-BINARY", FindingSeverity.Error, $"File '{source}' is not a CSV text file (binary or corrupt content).", source));
                return null;
            case SniffResult.TextNotUtf8:
                findings.Add(FileFinding("READ-NOT-UTF8", FindingSeverity.Warning, $"File '{source}' is not valid UTF-8; some characters could not be read. Save it as UTF-8.", source));
                break;
            case SniffResult.Text:
            default:
                break;
        }

        var rowFindings = 0;
        Ssda903Table? current = null;
        void RowFinding(string code, FindingSeverity severity, string message, int? row)
        {
            rowFindings++;
            if (rowFindings <= MaxRowFindingsPerFile)
            {
                findings.Add(new Finding(code, severity, message, current, row, [], []) { Source = source });
            }
        }

        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            PoolStrings = false,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = r => RowFinding("READ-BAD-QUOTE", FindingSeverity.Warning, $"File '{source}' line {r.LineNumber}: malformed quoting ({r.Reason}); the value was read as written.", null),
        };

        using var csv = CsvReader.Create(new PrefixedStream(prefix, length, stream), options, leaveOpen: true);
        if (!csv.Read())
        {
            findings.Add(FileFinding("READ-EMPTY", FindingSeverity.Error, $"File '{source}' is empty.", source));
            return null;
        }

        var rawHeader = new string[csv.FieldCount];
        for (var i = 0; i < rawHeader.Length; i++)
        {
            rawHeader[i] = csv.GetString(i);
        }

        var headerCount = rawHeader.Length;
        while (headerCount > 0 && string.IsNullOrWhiteSpace(rawHeader[headerCount - 1]))
        {
            headerCount--;
        }

        var names = rawHeader.Take(headerCount).Select(h => h.Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToArray();
        var duplicates = names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            findings.Add(FileFinding("READ-DUPLICATE-COLUMN", FindingSeverity.Error, $"File '{source}' repeats column(s) {string.Join(", ", duplicates)}.", source));
            return null;
        }

        var table = Ssda903Schema.Identify(names, out var closest, out var missing, out var unexpected);
        if (table is not { } t)
        {
            var msg = new StringBuilder($"File '{source}' matches no 903 table (closest: {closest}");
            if (missing.Count > 0)
            {
                msg.Append(CultureInfo.InvariantCulture, $"; missing columns: {string.Join(", ", missing)}");
            }

            if (unexpected.Count > 0)
            {
                msg.Append(CultureInfo.InvariantCulture, $"; unexpected columns: {string.Join(", ", unexpected.Select(Quote))}");
            }

            msg.Append(").");
            findings.Add(new Finding("READ-UNKNOWN-COLUMNS", FindingSeverity.Error, msg.ToString(), null, null, [.. missing, .. unexpected], []) { Source = source });
            return null;
        }

        mark?.Recognised(t, findings.Count);
        if (sources.TryGetValue(t, out var earlier))
        {
            findings.Add(DuplicateTable(source, t, earlier));
            return t;
        }

        sources[t] = source;
        current = t;
        var columns = Ssda903Schema.Columns(t);
        var map = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            map[i] = Array.IndexOf(names, columns[i]);
        }

        if (EstimateRows(prefix.AsSpan(0, length), stream) is > 0 and var estimate)
        {
            target.EnsureRoomFor(t, estimate);
        }

        // One array for the cells of every row: a row copies what it keeps.
        var values = new string?[columns.Count];
        var cells = new CellStrings(columns.Count);
        var dataRow = 0;
        while (csv.Read())
        {
            var count = csv.FieldCount;
            if (AllBlankFrom(csv, 0, count))
            {
                continue;
            }

            dataRow++;
            if (count != headerCount && !(count > headerCount && AllBlankFrom(csv, headerCount, count)))
            {
                RowFinding(
                    "READ-RAGGED",
                    FindingSeverity.Error,
                    $"File '{source}' data row {dataRow} (line {csv.LineNumber}) has {count} field(s) but the header has {headerCount}; the row was skipped{(count < headerCount ? " (the file may be truncated)" : string.Empty)}.",
                    dataRow);
                continue;
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] = cells.Get(csv, i, map[i]);
            }

            target.Add(RowFactory.Create(t, dataRow, values));
        }

        if (rowFindings > MaxRowFindingsPerFile)
        {
            findings.Add(FileFinding("READ-MORE", FindingSeverity.Warning, $"File '{source}': {rowFindings - MaxRowFindingsPerFile} further row problem(s) not listed.", source));
        }

        return t;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool AllBlankFrom(CsvReader csv, int from, int count)
    {
        for (var i = from; i < count; i++)
        {
            foreach (var b in csv.GetSpan(i))
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// About how many rows a file holds, from its length and the lines in its first bytes (0 when the stream's
    /// length is unknown or the file is short), so its table's list is made once at its size rather than grown.
    /// </summary>
    private static int EstimateRows(ReadOnlySpan<byte> prefix, Stream stream)
    {
        if (!stream.CanSeek || prefix.Length < TextSniffer.PrefixSize)
        {
            return 0;
        }

        var lines = prefix.Count((byte)'\n');
        if (lines < 2)
        {
            return 0;
        }

        var rows = stream.Length / prefix.Length * lines;
        return (int)Math.Min(rows + (rows / 16), 1 << 24);
    }

    private static string Quote(string? s)
    {
        s ??= string.Empty;
        return s.Length > 40 ? $"'{s[..40]}...'" : $"'{s}'";
    }

    private static Finding DuplicateTable(string source, Ssda903Table table, string earlier) =>
        new("READ-DUPLICATE-TABLE", FindingSeverity.Warning, $"File '{source}' has the {table} columns, already read from '{earlier}'; it was ignored.", table, null, [], []) { Source = source };

    private static Finding FileFinding(string code, FindingSeverity severity, string message, string source) =>
        new(code, severity, message, null, null, [], []) { Source = source };

    /// <summary>
    /// How deep elements may nest in the XML form. The 903 XML nests five deep (EXPSSDA903, CHILD, HEADER,
    /// AREVIEW, REVIEW); anything far deeper is refused as it is read, before it can cost time or memory.
    /// </summary>
    public const int MaxXmlDepth = 32;

    /// <summary>
    /// Reads the XML form from a file, named in findings as <paramref name="name"/> (the file's own name by default);
    /// <paramref name="maxCharacters"/> (0 for no limit) bounds the document.
    /// </summary>
    public static Ssda903ReadResult ReadXmlFile(string path, CollectionYear year, long maxCharacters = 0, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        name ??= Path.GetFileName(path);
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return ReadXml(fs, year, name, maxCharacters);
        }
        catch (IOException ex)
        {
            return new Ssda903ReadResult(new Ssda903Return(year), [FileFinding("READ-FAILED", FindingSeverity.Error, $"File '{name}' could not be opened: {ex.Message}", name)], new Dictionary<Ssda903Table, string>());
        }
    }

    /// <summary>
    /// Reads the XML form (root EXPSSDA903, one CHILD per child with HEADER and EPISODE elements), streaming
    /// one CHILD at a time. CHILDID becomes CHILD and PL becomes PLACE; AREVIEW, AMISSING, AD_PLACED,
    /// PERMANENCE, OC2 and the OC3/AD1 items become rows of their tables; UASC=1 or a DUC gives a UASC row.
    /// Elements nested deeper than <see cref="MaxXmlDepth"/> and documents longer than
    /// <paramref name="maxCharacters"/> (0 for no limit) are refused with an error finding.
    /// </summary>
    public static Ssda903ReadResult ReadXml(Stream stream, CollectionYear year, string sourceName = "xml", long maxCharacters = 0)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ret = new Ssda903Return(year);
        var findings = new List<Finding>();
        var sources = new Dictionary<Ssda903Table, string>();
        try
        {
            Ssda903XmlReader.Read(stream, ret, sourceName, findings, maxCharacters);
            foreach (var t in Ssda903Schema.Tables.Where(t => ret.Rows(t).Count > 0))
            {
                sources[t] = sourceName;
            }
        }
        catch (XmlException ex)
        {
            findings.Add(FileFinding("READ-XML", FindingSeverity.Error, $"File '{sourceName}' is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", sourceName));
        }
#pragma warning disable CA1031 // Reading must turn any failure on bad content into a finding.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            findings.Add(FileFinding("READ-FAILED", FindingSeverity.Error, $"File '{sourceName}' could not be read: {ex.Message}", sourceName));
        }

        return new Ssda903ReadResult(ret, findings, sources);
    }
}

internal static class Ssda903XmlReader
{
    private static readonly HashSet<string> KnownHeaderElements =
    [
        "CHILDID", "CHILD", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC", "AREVIEW", "MOTHER", "MC_DOB", "PERMANENCE", "OC2",
        "IN_TOUCH", "ACTIV", "ACCOM", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR", "AD_PLACED", "AMISSING",
    ];

    private static readonly string[] Oc3Items = ["IN_TOUCH", "ACTIV", "ACCOM"];

    private static readonly string[] Ad1Items = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];

    public static void Read(Stream stream, Ssda903Return ret, string source, List<Finding> findings, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = maxCharacters,
        };
        using var xr = XmlReader.Create(stream, settings);
        if (xr.MoveToContent() != XmlNodeType.Element || xr.LocalName != "EXPSSDA903")
        {
            findings.Add(new Finding("READ-XML-ROOT", FindingSeverity.Error, $"File '{source}' has root element '{xr.LocalName}', not EXPSSDA903.", null, null, [], []) { Source = source });
            return;
        }

        if (xr.IsEmptyElement)
        {
            return;
        }

        var counters = new int[Ssda903Schema.Tables.Count];
        var warned = new HashSet<string>(StringComparer.Ordinal);
        xr.Read();
        while (!xr.EOF)
        {
            if (xr.NodeType == XmlNodeType.Element && xr.Depth == 1)
            {
                var isChild = xr.LocalName == "CHILD";
                if (!isChild)
                {
                    Warn(findings, warned, source, xr.LocalName);
                }

                var element = ReadElement(xr, keep: isChild);
                if (element is null)
                {
                    TooDeep(findings, source, xr);
                    return;
                }

                if (isChild)
                {
                    ReadChild(element, ret, counters, source, findings, warned);
                }
            }
            else
            {
                xr.Read();
            }
        }
    }

    /// <summary>
    /// Reads the element the reader is on, with everything inside it, and leaves the reader after its end. The
    /// tree is built here rather than by XNode.ReadFrom so that the depth is checked as each element opens
    /// (adding an element to a tree walks its ancestors, so unbounded nesting costs time in the square of its
    /// depth). Returns null, with the reader on the offending element, when elements nest deeper than
    /// <see cref="Ssda903Reader.MaxXmlDepth"/>; an element not kept is read through and an empty one returned.
    /// </summary>
    private static XElement? ReadElement(XmlReader xr, bool keep)
    {
        var root = new XElement(XName.Get(xr.LocalName, xr.NamespaceURI));
        var depth = xr.Depth;
        if (xr.IsEmptyElement)
        {
            xr.Read();
            return root;
        }

        var open = new Stack<XElement>();
        open.Push(root);
        while (xr.Read())
        {
            if (xr.Depth > Ssda903Reader.MaxXmlDepth)
            {
                return null;
            }

            switch (xr.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(xr.LocalName, xr.NamespaceURI));
                    if (keep)
                    {
                        open.Peek().Add(element);
                    }

                    if (!xr.IsEmptyElement)
                    {
                        open.Push(element);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when keep:
                    open.Peek().Add(new XText(xr.Value));
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    if (xr.Depth == depth)
                    {
                        xr.Read();
                        return root;
                    }

                    break;
                default:
                    break;
            }
        }

        return root;
    }

    private static void TooDeep(List<Finding> findings, string source, XmlReader xr)
    {
        var line = xr is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber}, position {info.LinePosition})" : string.Empty;
        findings.Add(new Finding(
            "READ-XML-DEPTH",
            FindingSeverity.Error,
            $"File '{source}' nests elements more than {Ssda903Reader.MaxXmlDepth} deep{line}; a 903 XML return nests them at most five deep. The file was not read further.",
            null, null, [], []) { Source = source });
    }

    private static void Warn(List<Finding> findings, HashSet<string> warned, string source, string name)
    {
        if (warned.Add(name))
        {
            findings.Add(new Finding("READ-XML-UNKNOWN", FindingSeverity.Warning, $"File '{source}': element <{name}> is not part of the 903 XML and was ignored.", null, null, [], []) { Source = source });
        }
    }

    private static string? V(XElement? parent, string name) => RowFactory.Normalise(parent?.Element(name)?.Value);

    private static int Next(int[] counters, Ssda903Table table) => ++counters[(int)table];

    private static void ReadChild(XElement child, Ssda903Return ret, int[] counters, string source, List<Finding> findings, HashSet<string> warned)
    {
        var h = child.Element("HEADER");
        if (h is null)
        {
            findings.Add(new Finding("READ-XML-NO-HEADER", FindingSeverity.Error, $"File '{source}': a CHILD element has no HEADER and was skipped.", Ssda903Table.Header, null, [], []) { Source = source });
            return;
        }

        var id = V(h, "CHILDID") ?? V(h, "CHILD") ?? string.Empty;
        var sex = V(h, "SEX");
        var dobText = V(h, "DOB");
        var dob = Ssda903Date.Parse(dobText);
        ret.Header.Add(new HeaderRow
        {
            RowNumber = Next(counters, Ssda903Table.Header), Child = id, SexCode = sex, Dob = dob, Ethnic = V(h, "ETHNIC"), Upn = V(h, "UPN"),
            Mother = V(h, "MOTHER"), McDob = Ssda903Date.Parse(V(h, "MC_DOB")),
        });

        foreach (var e in h.Elements())
        {
            if (!KnownHeaderElements.Contains(e.Name.LocalName))
            {
                Warn(findings, warned, source, "HEADER/" + e.Name.LocalName);
            }
        }

        var uasc = V(h, "UASC");
        var duc = V(h, "DUC");
        if (uasc == "1" || duc is not null)
        {
            ret.Uasc.Add(new UascRow { RowNumber = Next(counters, Ssda903Table.Uasc), Child = id, SexCode = sex, Dob = dob, Duc = Ssda903Date.Parse(duc) });
        }

        foreach (var r in h.Elements("AREVIEW"))
        {
            ret.Reviews.Add(new ReviewRow { RowNumber = Next(counters, Ssda903Table.Reviews), Child = id, Dob = dob, Review = Ssda903Date.Parse(V(r, "REVIEW")), ReviewCode = V(r, "REVIEW_CODE") });
        }

        foreach (var m in h.Elements("AMISSING"))
        {
            ret.Missing.Add(new MissingRow
            {
                RowNumber = Next(counters, Ssda903Table.Missing), Child = id, Dob = dob, Missing = V(m, "MISSING"),
                MisStart = Ssda903Date.Parse(V(m, "MIS_START")), MisEnd = Ssda903Date.Parse(V(m, "MIS_END")),
            });
        }

        foreach (var p in h.Elements("AD_PLACED"))
        {
            ret.PlacedAdoption.Add(new PlacedAdoptionRow
            {
                RowNumber = Next(counters, Ssda903Table.PlacedAdoption), Child = id, Dob = dob, DatePlaced = Ssda903Date.Parse(V(p, "DATE_PLACED")),
                DatePlacedCeased = Ssda903Date.Parse(V(p, "DATE_PLACED_CEASED")), ReasonPlacedCeased = V(p, "REASON_PLACED_CEASED"),
            });
        }

        if (h.Element("PERMANENCE") is { } perm)
        {
            ret.PrevPerm.Add(new PrevPermRow
            {
                RowNumber = Next(counters, Ssda903Table.PrevPerm), Child = id, Dob = dob, PrevPerm = V(perm, "PREV_PERM"), LaPerm = V(perm, "LA_PERM"),
                DatePerm = Ssda903Date.Parse(V(perm, "DATE_PERM"), allowPartial: true),
            });
        }

        if (h.Element("OC2") is { } oc2)
        {
            ret.Oc2.Add(new Oc2Row
            {
                RowNumber = Next(counters, Ssda903Table.Oc2), Child = id, Dob = dob, SdqScore = V(oc2, "SDQ_SCORE"), SdqReason = V(oc2, "SDQ_REASON"),
                Convicted = V(oc2, "CONVICTED"), HealthCheck = V(oc2, "HEALTH_CHECK"), Immunisations = V(oc2, "IMMUNISATIONS"), TeethCheck = V(oc2, "TEETH_CHECK"),
                HealthAssessment = V(oc2, "HEALTH_ASSESSMENT"), SubstanceMisuse = V(oc2, "SUBSTANCE_MISUSE"),
                InterventionReceived = V(oc2, "INTERVENTION_RECEIVED"), InterventionOffered = V(oc2, "INTERVENTION_OFFERED"),
            });
        }

        if (Array.Exists(Oc3Items, n => h.Element(n) is not null))
        {
            ret.Oc3.Add(new Oc3Row { RowNumber = Next(counters, Ssda903Table.Oc3), Child = id, Dob = dob, InTouch = V(h, "IN_TOUCH"), Activ = V(h, "ACTIV"), Accom = V(h, "ACCOM") });
        }

        if (Array.Exists(Ad1Items, n => h.Element(n) is not null))
        {
            ret.Ad1.Add(new Ad1Row
            {
                RowNumber = Next(counters, Ssda903Table.Ad1), Child = id, Dob = dob, DateInt = Ssda903Date.Parse(V(h, "DATE_INT")), DateMatch = Ssda903Date.Parse(V(h, "DATE_MATCH")),
                FosterCare = V(h, "FOSTER_CARE"), NbAdoptr = V(h, "NB_ADOPTR"), SexAdoptr = V(h, "SEX_ADOPTR"), LsAdoptr = V(h, "LS_ADOPTR"),
            });
        }

        foreach (var e in child.Elements())
        {
            if (e.Name.LocalName == "EPISODE")
            {
                ret.Episodes.Add(new EpisodeRow
                {
                    RowNumber = Next(counters, Ssda903Table.Episodes), Child = id, Decom = Ssda903Date.Parse(V(e, "DECOM")), Rne = V(e, "RNE"), Ls = V(e, "LS"),
                    Cin = V(e, "CIN"), Place = V(e, "PL") ?? V(e, "PLACE"), PlaceProvider = V(e, "PLACE_PROVIDER"), Dec = Ssda903Date.Parse(V(e, "DEC")),
                    Rec = V(e, "REC"), ReasonPlaceChange = V(e, "REASON_PLACE_CHANGE"), HomePost = V(e, "HOME_POST"), PlPost = V(e, "PL_POST"), Urn = V(e, "URN"),
                });
            }
            else if (e.Name.LocalName != "HEADER")
            {
                Warn(findings, warned, source, "CHILD/" + e.Name.LocalName);
            }
        }
    }
}
