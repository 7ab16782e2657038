using Iro.Ssda903;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// A row of a 903 table the product does not model (OC3, AD1, placed for adoption, previous permanence,
/// DoLo), kept per child and collection year exactly as returned so an export can give it back.
/// </summary>
public class Ssda903StoredRow
{
    public long Id { get; set; }
    public int ChildId { get; set; }

    /// <summary>1 April of the collection year the row was returned for.</summary>
    public DateOnly YearStart { get; set; }

    public Ssda903Table Table { get; set; }

    /// <summary>Order of the row within the child's rows of the table.</summary>
    public int Position { get; set; }

    /// <summary>The cells after CHILD, in DfE column order, as a JSON array of strings or nulls.</summary>
    public required string Values { get; set; }
}
