using System.Collections.Frozen;

namespace Iro.Ssda903;

/// <summary>The 903 tables, named as the DfE validator keys them.</summary>
public enum Ssda903Table
{
    Header,
    Episodes,
    Reviews,
    Uasc,
    Missing,
    Oc2,
    Oc3,
    Ad1,
    PlacedAdoption,
    PrevPerm,
    SwEpisodes,
    DoLo,
}

/// <summary>Exact DfE column headers and usual file names of every table.</summary>
public static class Ssda903Schema
{
    private static readonly FrozenDictionary<Ssda903Table, string[]> ColumnsByTable = new Dictionary<Ssda903Table, string[]>
    {
        [Ssda903Table.Header] = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
        [Ssda903Table.Episodes] = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
        [Ssda903Table.Reviews] = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
        [Ssda903Table.Uasc] = ["CHILD", "SEX", "DOB", "DUC"],
        [Ssda903Table.Missing] = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        [Ssda903Table.Oc2] = ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
        [Ssda903Table.Oc3] = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        [Ssda903Table.Ad1] = ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
        [Ssda903Table.PlacedAdoption] = ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        [Ssda903Table.PrevPerm] = ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
        [Ssda903Table.SwEpisodes] = ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
        [Ssda903Table.DoLo] = ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Ssda903Table, string> FileNames = new Dictionary<Ssda903Table, string>
    {
        [Ssda903Table.Header] = "header.csv",
        [Ssda903Table.Episodes] = "episodes.csv",
        [Ssda903Table.Reviews] = "reviews.csv",
        [Ssda903Table.Uasc] = "uasc.csv",
        [Ssda903Table.Missing] = "missing.csv",
        [Ssda903Table.Oc2] = "oc2.csv",
        [Ssda903Table.Oc3] = "oc3.csv",
        [Ssda903Table.Ad1] = "ad1.csv",
        [Ssda903Table.PlacedAdoption] = "placed_for_adoption.csv",
        [Ssda903Table.PrevPerm] = "previous_permanence.csv",
        [Ssda903Table.SwEpisodes] = "sw_episodes.csv",
        [Ssda903Table.DoLo] = "DoLo.csv",
    }.ToFrozenDictionary();

    /// <summary>All tables in a fixed order.</summary>
    public static IReadOnlyList<Ssda903Table> Tables { get; } = Enum.GetValues<Ssda903Table>();

    /// <summary>The exact DfE column headers, in the DfE order.</summary>
    public static IReadOnlyList<string> Columns(Ssda903Table table) => ColumnsByTable[table];

    /// <summary>
    /// Builds a row of <paramref name="table"/> from its cells in DfE column order (CHILD first), normalised and
    /// parsed exactly as when reading a file; used to give back rows a caller stored as text.
    /// </summary>
    public static Ssda903Row CreateRow(Ssda903Table table, IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var columns = ColumnsByTable[table].Length;
        if (cells.Count != columns)
        {
            throw new ArgumentException($"{table} has {columns} columns; {cells.Count} cells were given.", nameof(cells));
        }

        var normalised = new string?[columns];
        for (var i = 0; i < columns; i++)
        {
            normalised[i] = RowFactory.Normalise(cells[i]);
        }

        return RowFactory.Create(table, 0, normalised);
    }

    /// <summary>The usual CSV file name (reading does not depend on it).</summary>
    public static string FileName(Ssda903Table table) => FileNames[table];

    /// <summary>
    /// Identifies a table by its exact set of column names (order and case irrelevant).
    /// Returns null when no table matches; <paramref name="closest"/> is then the table sharing most columns.
    /// </summary>
    public static Ssda903Table? Identify(IEnumerable<string> columns, out Ssda903Table closest, out IReadOnlyList<string> missing, out IReadOnlyList<string> unexpected)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var set = new HashSet<string>(columns.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0), StringComparer.Ordinal);
        var best = Ssda903Table.Header;
        var bestScore = int.MinValue;
        foreach (var table in Tables)
        {
            var cols = ColumnsByTable[table];
            var common = cols.Count(set.Contains);
            var score = (common * 2) - cols.Length - (set.Count - common);
            if (common == cols.Length && set.Count == cols.Length)
            {
                closest = table;
                missing = [];
                unexpected = [];
                return table;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = table;
            }
        }

        closest = best;
        var bestCols = ColumnsByTable[best];
        missing = bestCols.Where(c => !set.Contains(c)).ToArray();
        unexpected = set.Where(c => !bestCols.Contains(c)).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        return null;
    }
}
