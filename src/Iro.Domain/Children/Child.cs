using Iro.Domain.Codes;

namespace Iro.Domain.Children;

/// <summary>A child looked after, or previously looked after, by the council.</summary>
public class Child
{
    public int Id { get; set; }

    /// <summary>The council's local child identifier: the SSDA903 <c>CHILD</c> value.</summary>
    public required string LocalId { get; set; }

    /// <summary>Null for children loaded from a 903 return, which carries no names.</summary>
    public string? FirstName { get; set; }

    public string? LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public Ethnicity Ethnicity { get; set; }

    /// <summary>Unique pupil number, or one of the 903 unknown codes UN1-UN5.</summary>
    public string? Upn { get; set; }

    public bool IsUnaccompaniedAsylumSeeker { get; set; }

    /// <summary>Date UASC status ceased (903 <c>DUC</c>).</summary>
    public DateOnly? UascCeased { get; set; }

    public bool HasDisability { get; set; }

    /// <summary>Children sharing a value are siblings; siblings normally share an IRO.</summary>
    public string? SiblingGroup { get; set; }

    /// <summary>Date the needs assessment of an eligible child was completed (CPPCR reg 42).</summary>
    public DateOnly? NeedsAssessmentOn { get; set; }

    /// <summary>Date the first pathway plan was in place.</summary>
    public DateOnly? PathwayPlanOn { get; set; }

    public List<CareEpisode> Episodes { get; set; } = [];
    public List<IroAllocation> IroAllocations { get; set; } = [];
    public List<SocialWorkerAssignment> SocialWorkerAssignments { get; set; } = [];
    public List<Reviews.Review> Reviews { get; set; } = [];

    /// <summary>Referrals of the child's periods of care to commissioned agencies.</summary>
    public List<Allocations.AgencyReferral> AgencyReferrals { get; set; } = [];

    /// <summary>The name to show: the child's name, or their id until a name is recorded.</summary>
    public string DisplayName => DisplayNameOf(LocalId, FirstName, LastName);

    /// <summary>Age in whole years on a date (a birthday counts on the day).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>The child's name, or their id while no name is recorded (903 returns carry no names).</summary>
    public static string DisplayNameOf(string localId, string? firstName, string? lastName) =>
        string.IsNullOrWhiteSpace(firstName) && string.IsNullOrWhiteSpace(lastName)
            ? localId
            : $"{firstName} {lastName}".Trim();
}
