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

    public List<HeaderRow> Header { get; } = [];

    public List<EpisodeRow> Episodes { get; } = [];

    public List<ReviewRow> Reviews { get; } = [];

    public List<UascRow> Uasc { get; } = [];

    public List<MissingRow> Missing { get; } = [];

    public List<Oc2Row> Oc2 { get; } = [];

    public List<Oc3Row> Oc3 { get; } = [];

    public List<Ad1Row> Ad1 { get; } = [];

    public List<PlacedAdoptionRow> PlacedAdoption { get; } = [];

    public List<PrevPermRow> PrevPerm { get; } = [];

    public List<SwEpisodeRow> SwEpisodes { get; } = [];

    public List<DoLoRow> DoLo { get; } = [];

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

    /// <summary>Adds every row of <paramref name="other"/>, table by table, after the rows already held.</summary>
    internal void AddAll(Ssda903Return other)
    {
        Header.AddRange(other.Header);
        Episodes.AddRange(other.Episodes);
        Reviews.AddRange(other.Reviews);
        Uasc.AddRange(other.Uasc);
        Missing.AddRange(other.Missing);
        Oc2.AddRange(other.Oc2);
        Oc3.AddRange(other.Oc3);
        Ad1.AddRange(other.Ad1);
        PlacedAdoption.AddRange(other.PlacedAdoption);
        PrevPerm.AddRange(other.PrevPerm);
        SwEpisodes.AddRange(other.SwEpisodes);
        DoLo.AddRange(other.DoLo);
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
