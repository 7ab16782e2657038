namespace Iro.Web.Features.Interchange;

/// <summary>One SSDA903 return brought into the service: which year, from what, by whom, and what changed.</summary>
public class Ssda903Import
{
    public int Id { get; set; }

    /// <summary>1 April of the collection year imported.</summary>
    public DateOnly YearStart { get; set; }

    /// <summary>The files or folder imported (names only).</summary>
    public required string Source { get; set; }

    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }

    public int ChildrenAdded { get; set; }
    public int ChildrenUpdated { get; set; }
    public int EpisodesAdded { get; set; }
    public int EpisodesUpdated { get; set; }
    public int ReviewsAdded { get; set; }
    public int ReviewsUpdated { get; set; }

    /// <summary>Rows of the other tables (UASC, Missing, OC2, SWEpisodes, stored tables) added or replaced.</summary>
    public int OtherAdded { get; set; }

    public int OtherUpdated { get; set; }

    /// <summary>Warnings accepted when importing.</summary>
    public int Warnings { get; set; }
}
