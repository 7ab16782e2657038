namespace Iro.Domain.Calendar;

/// <summary>
/// A change to the working-day calendar recorded by an administrator: a newly proclaimed holiday, or the
/// cancellation of a generated holiday that has been moved (statutory-rules section 9.3: holidays are data).
/// </summary>
public class AddedBankHoliday : ICreationStamped
{
    /// <summary>The most characters a holiday's name may have.</summary>
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    /// <summary>True when this entry cancels the generated holiday on <see cref="Date"/> rather than adding one.</summary>
    public bool CancelsGeneratedHoliday { get; set; }

    /// <summary>The user id of the administrator who recorded it; stamped when saved.</summary>
    public string AddedBy { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }

    void ICreationStamped.StampCreation(string userId, string userName, DateTimeOffset at)
    {
        AddedBy = userId;
        AddedAt = at;
    }
}
