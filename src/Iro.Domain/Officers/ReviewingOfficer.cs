using Iro.Domain.Codes;

namespace Iro.Domain.Officers;

public enum Employment { InHouse, Commissioned }

public enum Gender { Female, Male, Other, NotKnown }

/// <summary>An Independent Reviewing Officer, employed by the council or commissioned from an agency.</summary>
public class ReviewingOfficer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public Employment Employment { get; set; }

    /// <summary>The commissioning agency; required when <see cref="Employment"/> is Commissioned.</summary>
    public string? Agency { get; set; }

    /// <summary>Full-time equivalence when the IRO started, 0.01 to 1.0; later changes are <see cref="FteChanges"/>.</summary>
    public decimal Fte { get; set; }

    public Gender Gender { get; set; }
    public Ethnicity? Ethnicity { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public List<Children.IroAllocation> Allocations { get; set; } = [];
    public List<OfficerFteChange> FteChanges { get; set; } = [];
}
