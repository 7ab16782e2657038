using System.Globalization;

namespace Iro.Web.Features.PlacementMoves;

/// <summary>The addresses of the placement-move pages.</summary>
public static class PlacementMoveLinks
{
    public const string Service = "/placement-moves";

    public static string Child(string childId) => ChildLinks.Record(childId) + "/placement-moves";

    /// <summary>The record form of one move; the move's date is in the query so the child's route stays the only key.</summary>
    public static string Record(string childId, DateOnly movedOn) =>
        Child(childId) + "/record?movedOn=" + movedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Told(Iro.Domain.Voice.IroToldOfMove? told) => told switch
    {
        Iro.Domain.Voice.IroToldOfMove.BeforeMove => "Before the move",
        Iro.Domain.Voice.IroToldOfMove.AfterMove => "After the move",
        Iro.Domain.Voice.IroToldOfMove.NotTold => "Not told",
        _ => "",
    };
}
