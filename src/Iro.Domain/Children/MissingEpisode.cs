using Iro.Domain.Codes;

namespace Iro.Domain.Children;

/// <summary>A period missing from placement or away without authorisation (903 Missing table).</summary>
public class MissingEpisode
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary>Missing (M) or away without authorisation (A); null when not recorded.</summary>
    public MissingType? Type { get; set; }

    /// <summary><c>MIS_START</c>.</summary>
    public DateOnly Start { get; set; }

    /// <summary><c>MIS_END</c>; null while the child is still missing or the end is not known.</summary>
    public DateOnly? End { get; set; }
}
