namespace Iro.Ssda903;

/// <summary>The outcome of reading: the return (whatever could be read) and the reading findings.</summary>
public sealed class Ssda903ReadResult
{
    internal Ssda903ReadResult(Ssda903Return ret, IReadOnlyList<Finding> findings, IReadOnlyDictionary<Ssda903Table, string> sources)
    {
        Return = ret;
        Findings = findings;
        Sources = sources;
    }

    public Ssda903Return Return { get; }

    /// <summary>Reading findings (encoding, unknown header sets, ragged rows...). Never null.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Which file (name only) each table was read from.</summary>
    public IReadOnlyDictionary<Ssda903Table, string> Sources { get; }

    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
