namespace Iro.Web.Features.Interchange;

/// <summary>
/// Header fields of the 903 return that the product does not use but must give back on export:
/// <c>MOTHER</c> (0/1) and <c>MC_DOB</c> (date of birth of the mother's child), as last returned.
/// </summary>
public class Ssda903ChildHeader
{
    public int ChildId { get; set; }
    public string? Mother { get; set; }
    public DateOnly? MotherChildDob { get; set; }
}
