using System.Text;
using System.Xml;
using CsvHelper;

namespace Iro.Ssda903;

/// <summary>
/// Writes a return as 903 CSV files (exact DfE headers, DD/MM/YYYY dates, SEX coded for the year,
/// UTF-8 without BOM, LF line endings) or as the XML form. Rows are written in a deterministic order:
/// by CHILD (ordinal), then the table's date key (DECOM, REVIEW, MIS_START, DATE_PLACED, SW_DECOM,
/// DOLO_START), then source row number.
/// </summary>
public static class Ssda903Writer
{
    /// <summary>Line ending of written CSV files.</summary>
    public const string NewLine = "\n";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes Header, Episodes and Reviews always, and every other table that has rows, to
    /// <paramref name="dir"/> under their usual file names. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteDirectory(Ssda903Return ret, string dir, CollectionYear? year = null)
    {
        ArgumentNullException.ThrowIfNull(ret);
        ArgumentNullException.ThrowIfNull(dir);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var table in Ssda903Schema.Tables)
        {
            if (ret.Rows(table).Count == 0 && table is not (Ssda903Table.Header or Ssda903Table.Episodes or Ssda903Table.Reviews))
            {
                continue;
            }

            var path = Path.Combine(dir, Ssda903Schema.FileName(table));
            using (var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                WriteCsv(ret, table, fs, year);
            }

            written.Add(path);
        }

        return written;
    }

    /// <summary>Writes one table as CSV to a stream (left open).</summary>
    public static void WriteCsv(Ssda903Return ret, Ssda903Table table, Stream stream, CollectionYear? year = null)
    {
        ArgumentNullException.ThrowIfNull(ret);
        ArgumentNullException.ThrowIfNull(stream);
        var y = year ?? ret.Year;
        var options = new CsvWriterOptions { NewLine = NewLine, Separator = ',' };
        using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        csv.WriteRecord([.. Ssda903Schema.Columns(table)]);
        // One array of fields for the table, filled again for each row: the record is written before the next row.
        var fields = Array.Empty<string>();
        foreach (var row in Ordered(ret.Rows(table)))
        {
            var cells = row.Cells(y);
            if (fields.Length != cells.Length)
            {
                fields = new string[cells.Length];
            }

            for (var i = 0; i < cells.Length; i++)
            {
                fields[i] = cells[i] ?? string.Empty;
            }

            csv.WriteRecord(fields);
        }

        csv.Flush();
    }

    /// <summary>Writes one table as CSV text.</summary>
    public static string WriteCsvText(Ssda903Return ret, Ssda903Table table, CollectionYear? year = null)
    {
        using var ms = new MemoryStream();
        WriteCsv(ret, table, ms, year);
        return Utf8NoBom.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    /// <summary>The rows of a table in the order the writer uses.</summary>
    /// <remarks>Rows already in that order (an export built child by child) are given back as they are, unsorted.</remarks>
    public static IEnumerable<T> Ordered<T>(IEnumerable<T> rows)
        where T : Ssda903Row =>
        rows is IReadOnlyList<T> list && InWriteOrder(list) ? list : Sorted(rows);

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> rows)
        where T : Ssda903Row =>
        rows.Select((r, i) => (Row: r, Index: i))
            .OrderBy(x => x.Row.Child, StringComparer.Ordinal)
            .ThenBy(x => SortDate(x.Row))
            .ThenBy(x => x.Row.RowNumber)
            .ThenBy(x => x.Index)
            .Select(x => x.Row);

    /// <summary>Whether each row comes after the one before it by the sort's keys (a tie keeps its place, as in the sort).</summary>
    private static bool InWriteOrder<T>(IReadOnlyList<T> rows)
        where T : Ssda903Row
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var (before, row) = (rows[i - 1], rows[i]);
            var order = string.CompareOrdinal(before.Child, row.Child);
            if (order == 0)
            {
                order = SortDate(before).CompareTo(SortDate(row));
            }

            if (order == 0)
            {
                order = before.RowNumber.CompareTo(row.RowNumber);
            }

            if (order > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static DateOnly SortDate(Ssda903Row row)
    {
        var d = row switch
        {
            EpisodeRow e => e.Decom,
            ReviewRow r => r.Review,
            MissingRow m => m.MisStart,
            PlacedAdoptionRow p => p.DatePlaced,
            SwEpisodeRow s => s.SwDecom,
            DoLoRow l => l.DoloStart,
            _ => default,
        };
        return d.Value ?? DateOnly.MaxValue;
    }

    /// <summary>
    /// Writes the XML form (root EXPSSDA903; CHILD/HEADER with CHILDID, AREVIEW, PERMANENCE, OC2, AMISSING,
    /// AD_PLACED, the OC3 and AD1 items and the UASC flag with DUC; CHILD/EPISODE with PL). One CHILD per
    /// Header row; rows of children missing from Header, SWEpisodes and DoLo are not part of the XML form.
    /// </summary>
    public static void WriteXml(Ssda903Return ret, Stream stream, CollectionYear? year = null)
    {
        ArgumentNullException.ThrowIfNull(ret);
        ArgumentNullException.ThrowIfNull(stream);
        var y = year ?? ret.Year;
        var settings = new XmlWriterSettings { Encoding = Utf8NoBom, Indent = true, NewLineChars = NewLine, CloseOutput = false };
        using var xw = XmlWriter.Create(stream, settings);

        var episodes = Group(ret.Episodes);
        var reviews = Group(ret.Reviews);
        var uasc = Group(ret.Uasc);
        var missing = Group(ret.Missing);
        var oc2 = Group(ret.Oc2);
        var oc3 = Group(ret.Oc3);
        var ad1 = Group(ret.Ad1);
        var placed = Group(ret.PlacedAdoption);
        var perm = Group(ret.PrevPerm);
        var done = new HashSet<string>(StringComparer.Ordinal);

        xw.WriteStartDocument();
        xw.WriteStartElement("EXPSSDA903");
        foreach (var h in Ordered(ret.Header))
        {
            var first = done.Add(h.Child);
            xw.WriteStartElement("CHILD");
            xw.WriteStartElement("HEADER");
            El(xw, "CHILDID", h.Child);
            El(xw, "UPN", h.Upn);
            El(xw, "SEX", Ssda903Codes.EncodeSex(h.SexCode, y));
            El(xw, "DOB", Text(h.Dob));
            El(xw, "ETHNIC", h.Ethnic);
            var u = first ? Get(uasc, h.Child).FirstOrDefault() : null;
            El(xw, "UASC", u is null ? null : "1");
            if (u is not null)
            {
                El(xw, "DUC", Text(u.Duc));
            }

            if (first)
            {
                foreach (var r in Get(reviews, h.Child))
                {
                    xw.WriteStartElement("AREVIEW");
                    El(xw, "REVIEW", Text(r.Review));
                    El(xw, "REVIEW_CODE", r.ReviewCode);
                    xw.WriteEndElement();
                }
            }

            El(xw, "MOTHER", h.Mother);
            El(xw, "MC_DOB", Text(h.McDob));
            if (first)
            {
                WriteChildDetail(xw, h.Child, perm, oc2, missing, placed, oc3, ad1);
            }

            xw.WriteEndElement();
            if (first)
            {
                foreach (var e in Get(episodes, h.Child))
                {
                    xw.WriteStartElement("EPISODE");
                    El(xw, "DECOM", Text(e.Decom));
                    El(xw, "RNE", e.Rne);
                    El(xw, "LS", e.Ls);
                    El(xw, "CIN", e.Cin);
                    El(xw, "PL", e.Place);
                    El(xw, "PL_POST", e.PlPost);
                    El(xw, "HOME_POST", e.HomePost);
                    El(xw, "URN", e.Urn);
                    El(xw, "PLACE_PROVIDER", e.PlaceProvider);
                    El(xw, "DEC", Text(e.Dec));
                    El(xw, "REC", e.Rec);
                    El(xw, "REASON_PLACE_CHANGE", e.ReasonPlaceChange);
                    xw.WriteEndElement();
                }
            }

            xw.WriteEndElement();
        }

        xw.WriteEndElement();
        xw.WriteEndDocument();
        xw.Flush();
    }

    private static void WriteChildDetail(
        XmlWriter xw,
        string child,
        Dictionary<string, List<PrevPermRow>> perm,
        Dictionary<string, List<Oc2Row>> oc2,
        Dictionary<string, List<MissingRow>> missing,
        Dictionary<string, List<PlacedAdoptionRow>> placed,
        Dictionary<string, List<Oc3Row>> oc3,
        Dictionary<string, List<Ad1Row>> ad1)
    {
        foreach (var p in Get(perm, child).Take(1))
        {
            xw.WriteStartElement("PERMANENCE");
            El(xw, "PREV_PERM", p.PrevPerm);
            El(xw, "LA_PERM", p.LaPerm);
            El(xw, "DATE_PERM", Text(p.DatePerm));
            xw.WriteEndElement();
        }

        foreach (var o in Get(oc2, child).Take(1))
        {
            xw.WriteStartElement("OC2");
            El(xw, "SDQ_SCORE", o.SdqScore);
            El(xw, "SDQ_REASON", o.SdqReason);
            El(xw, "CONVICTED", o.Convicted);
            El(xw, "HEALTH_CHECK", o.HealthCheck);
            El(xw, "IMMUNISATIONS", o.Immunisations);
            El(xw, "TEETH_CHECK", o.TeethCheck);
            El(xw, "HEALTH_ASSESSMENT", o.HealthAssessment);
            El(xw, "SUBSTANCE_MISUSE", o.SubstanceMisuse);
            El(xw, "INTERVENTION_RECEIVED", o.InterventionReceived);
            El(xw, "INTERVENTION_OFFERED", o.InterventionOffered);
            xw.WriteEndElement();
        }

        foreach (var m in Get(missing, child))
        {
            xw.WriteStartElement("AMISSING");
            El(xw, "MISSING", m.Missing);
            El(xw, "MIS_START", Text(m.MisStart));
            El(xw, "MIS_END", Text(m.MisEnd));
            xw.WriteEndElement();
        }

        foreach (var p in Get(placed, child))
        {
            xw.WriteStartElement("AD_PLACED");
            El(xw, "DATE_PLACED", Text(p.DatePlaced));
            El(xw, "DATE_PLACED_CEASED", Text(p.DatePlacedCeased));
            El(xw, "REASON_PLACED_CEASED", p.ReasonPlacedCeased);
            xw.WriteEndElement();
        }

        foreach (var o in Get(oc3, child).Take(1))
        {
            El(xw, "IN_TOUCH", o.InTouch);
            El(xw, "ACTIV", o.Activ);
            El(xw, "ACCOM", o.Accom);
        }

        foreach (var a in Get(ad1, child).Take(1))
        {
            El(xw, "DATE_INT", Text(a.DateInt));
            El(xw, "DATE_MATCH", Text(a.DateMatch));
            El(xw, "FOSTER_CARE", a.FosterCare);
            El(xw, "NB_ADOPTR", a.NbAdoptr);
            El(xw, "SEX_ADOPTR", a.SexAdoptr);
            El(xw, "LS_ADOPTR", a.LsAdoptr);
        }
    }

    private static string? Text(Ssda903Date d) => d.IsBlank ? null : d.ToFileText();

    private static void El(XmlWriter xw, string name, string? value)
    {
        xw.WriteStartElement(name);
        if (!string.IsNullOrEmpty(value))
        {
            xw.WriteString(value);
        }

        xw.WriteEndElement();
    }

    private static Dictionary<string, List<T>> Group<T>(List<T> rows)
        where T : Ssda903Row
    {
        var map = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var r in Ordered(rows))
        {
            if (!map.TryGetValue(r.Child, out var list))
            {
                map[r.Child] = list = [];
            }

            list.Add(r);
        }

        return map;
    }

    private static List<T> Get<T>(Dictionary<string, List<T>> map, string child) =>
        map.TryGetValue(child, out var list) ? list : [];
}
