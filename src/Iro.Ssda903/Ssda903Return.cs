namespace Iro.Ssda903;

/// <summary>All tables of one 903 return. Lists are mutable so callers can build returns for export.</summary>
public sealed class Ssda903Return
{
    public Ssda903Return(CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        Year = year;
    }

    public CollectionYear Year { get; }

    public List<HeaderRow> Header { get; private set; } = [];

    public List<EpisodeRow> Episodes { get; private set; } = [];

    public List<ReviewRow> Reviews { get; private set; } = [];

    public List<UascRow> Uasc { get; private set; } = [];

    public List<MissingRow> Missing { get; private set; } = [];

    public List<Oc2Row> Oc2 { get; private set; } = [];

    public List<Oc3Row> Oc3 { get; private set; } = [];

    public List<Ad1Row> Ad1 { get; private set; } = [];

    public List<PlacedAdoptionRow> PlacedAdoption { get; private set; } = [];

    public List<PrevPermRow> PrevPerm { get; private set; } = [];

    public List<SwEpisodeRow> SwEpisodes { get; private set; } = [];

    public List<DoLoRow> DoLo { get; private set; } = [];

    /// <summary>The rows of a table, as the common base type.</summary>
    public IReadOnlyList<Ssda903Row> Rows(Ssda903Table table) => table switch
    {
        Ssda903Table.Header => Header,
        Ssda903Table.Episodes => Episodes,
        Ssda903Table.Reviews => Reviews,
        Ssda903Table.Uasc => Uasc,
        Ssda903Table.Missing => Missing,
        Ssda903Table.Oc2 => Oc2,
        Ssda903Table.Oc3 => Oc3,
        Ssda903Table.Ad1 => Ad1,
        Ssda903Table.PlacedAdoption => PlacedAdoption,
        Ssda903Table.PrevPerm => PrevPerm,
        Ssda903Table.SwEpisodes => SwEpisodes,
        Ssda903Table.DoLo => DoLo,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    /// <summary>Adds a row to the list of its table.</summary>
    public void Add(Ssda903Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        switch (row)
        {
            case HeaderRow r: Header.Add(r); break;
            case EpisodeRow r: Episodes.Add(r); break;
            case ReviewRow r: Reviews.Add(r); break;
            case UascRow r: Uasc.Add(r); break;
            case MissingRow r: Missing.Add(r); break;
            case Oc2Row r: Oc2.Add(r); break;
            case Oc3Row r: Oc3.Add(r); break;
            case Ad1Row r: Ad1.Add(r); break;
            case PlacedAdoptionRow r: PlacedAdoption.Add(r); break;
            case PrevPermRow r: PrevPerm.Add(r); break;
            case SwEpisodeRow r: SwEpisodes.Add(r); break;
            case DoLoRow r: DoLo.Add(r); break;
            default: throw new ArgumentException($"Unknown row type {row.GetType().Name}.", nameof(row));
        }
    }

    /// <summary>
    /// Adds every row of <paramref name="other"/>, table by table, after the rows already held. A table this return
    /// has no rows of takes the other's list itself rather than a copy (the other return is not used afterwards).
    /// </summary>
    internal void AddAll(Ssda903Return other)
    {
        Header = Append(Header, other.Header);
        Episodes = Append(Episodes, other.Episodes);
        Reviews = Append(Reviews, other.Reviews);
        Uasc = Append(Uasc, other.Uasc);
        Missing = Append(Missing, other.Missing);
        Oc2 = Append(Oc2, other.Oc2);
        Oc3 = Append(Oc3, other.Oc3);
        Ad1 = Append(Ad1, other.Ad1);
        PlacedAdoption = Append(PlacedAdoption, other.PlacedAdoption);
        PrevPerm = Append(PrevPerm, other.PrevPerm);
        SwEpisodes = Append(SwEpisodes, other.SwEpisodes);
        DoLo = Append(DoLo, other.DoLo);
    }

    private static List<T> Append<T>(List<T> rows, List<T> more)
    {
        if (rows.Count == 0)
        {
            return more;
        }

        rows.AddRange(more);
        return rows;
    }

    /// <summary>Makes room for <paramref name="more"/> further rows of a table (a file's rows, estimated from its size).</summary>
    internal void EnsureRoomFor(Ssda903Table table, int more)
    {
        switch (table)
        {
            case Ssda903Table.Header: Header.EnsureCapacity(Header.Count + more); break;
            case Ssda903Table.Episodes: Episodes.EnsureCapacity(Episodes.Count + more); break;
            case Ssda903Table.Reviews: Reviews.EnsureCapacity(Reviews.Count + more); break;
            case Ssda903Table.Uasc: Uasc.EnsureCapacity(Uasc.Count + more); break;
            case Ssda903Table.Missing: Missing.EnsureCapacity(Missing.Count + more); break;
            case Ssda903Table.Oc2: Oc2.EnsureCapacity(Oc2.Count + more); break;
            case Ssda903Table.Oc3: Oc3.EnsureCapacity(Oc3.Count + more); break;
            case Ssda903Table.Ad1: Ad1.EnsureCapacity(Ad1.Count + more); break;
            case Ssda903Table.PlacedAdoption: PlacedAdoption.EnsureCapacity(PlacedAdoption.Count + more); break;
            case Ssda903Table.PrevPerm: PrevPerm.EnsureCapacity(PrevPerm.Count + more); break;
            case Ssda903Table.SwEpisodes: SwEpisodes.EnsureCapacity(SwEpisodes.Count + more); break;
            case Ssda903Table.DoLo: DoLo.EnsureCapacity(DoLo.Count + more); break;
            default: break;
        }
    }

    /// <summary>Header rows by CHILD (first row wins when a child is duplicated).</summary>
    public IReadOnlyDictionary<string, HeaderRow> HeaderByChild()
    {
        var map = new Dictionary<string, HeaderRow>(Header.Count, StringComparer.Ordinal);
        foreach (var h in Header)
        {
            map.TryAdd(h.Child, h);
        }

        return map;
    }

    /// <summary>Episodes by CHILD, each child's episodes ordered by DECOM.</summary>
    public ILookup<string, EpisodeRow> EpisodesByChild() =>
        Episodes.OrderBy(e => e.Decom.Value ?? DateOnly.MaxValue).ToLookup(e => e.Child, StringComparer.Ordinal);

    /// <summary>Reviews by CHILD, each child's reviews ordered by REVIEW.</summary>
    public ILookup<string, ReviewRow> ReviewsByChild() =>
        Reviews.OrderBy(r => r.Review.Value ?? DateOnly.MaxValue).ToLookup(r => r.Child, StringComparer.Ordinal);

    /// <summary>Episodes by import key (CHILD, DECOM); rows with an invalid DECOM are left out and the first row wins on duplicates (rule IRO02).</summary>
    public IReadOnlyDictionary<(string Child, DateOnly Decom), EpisodeRow> EpisodesByKey()
    {
        var map = new Dictionary<(string, DateOnly), EpisodeRow>(Episodes.Count);
        foreach (var e in Episodes)
        {
            if (e.Decom.Value is { } d)
            {
                map.TryAdd((e.Child, d), e);
            }
        }

        return map;
    }

    /// <summary>Reviews by import key (CHILD, REVIEW); rows with an invalid REVIEW are left out and the first row wins on duplicates (rule IRO02).</summary>
    public IReadOnlyDictionary<(string Child, DateOnly Review), ReviewRow> ReviewsByKey()
    {
        var map = new Dictionary<(string, DateOnly), ReviewRow>(Reviews.Count);
        foreach (var r in Reviews)
        {
            if (r.Review.Value is { } d)
            {
                map.TryAdd((r.Child, d), r);
            }
        }

        return map;
    }

    /// <summary>The episode of a child starting on a date (import key CHILD + DECOM), or null.</summary>
    public EpisodeRow? FindEpisode(string child, DateOnly decom) =>
        Episodes.Find(e => e.Decom.Value == decom && string.Equals(e.Child, child, StringComparison.Ordinal));

    /// <summary>The review of a child on a date (import key CHILD + REVIEW), or null.</summary>
    public ReviewRow? FindReview(string child, DateOnly review) =>
        Reviews.Find(r => r.Review.Value == review && string.Equals(r.Child, child, StringComparison.Ordinal));

    /// <summary>Distinct CHILD ids across all tables, ordinal order.</summary>
    public IReadOnlyList<string> Children() =>
        Ssda903Schema.Tables.SelectMany(t => Rows(t).Select(r => r.Child)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
