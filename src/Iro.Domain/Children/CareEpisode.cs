using Iro.Domain.Codes;

namespace Iro.Domain.Children;

/// <summary>An SSDA903 episode: a span with one legal status and one placement.</summary>
public class CareEpisode
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary><c>DECOM</c>: the date the episode started.</summary>
    public DateOnly Start { get; set; }

    public ReasonForNewEpisode ReasonForNewEpisode { get; set; }
    public LegalStatus LegalStatus { get; set; }
    public CategoryOfNeed CategoryOfNeed { get; set; }
    public PlacementType Placement { get; set; }
    public PlacementProvider? PlacementProvider { get; set; }

    /// <summary><c>DEC</c>: the date the episode ceased; null while it is open.</summary>
    public DateOnly? End { get; set; }

    public ReasonEpisodeCeased? ReasonCeased { get; set; }
    public ReasonPlaceChange? ReasonPlaceChange { get; set; }
    public string? HomePostcode { get; set; }
    public string? PlacementPostcode { get; set; }

    /// <summary>Ofsted unique reference number of the placement provider.</summary>
    public string? Urn { get; set; }
}
