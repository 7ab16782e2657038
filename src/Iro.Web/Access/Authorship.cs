using Iro.Domain.Reviews;

namespace Iro.Web.Access;

/// <summary>What the rules say about one change to an attributed entry.</summary>
public enum AuthorshipVerdict
{
    /// <summary>The user wrote the entry: they may change or delete it.</summary>
    Author,

    /// <summary>Someone else wrote it; the user may change it and has given the reason the audit keeps.</summary>
    WithReason,

    /// <summary>Someone else wrote it; the user may change it only with a reason, and gave none (or one too long).</summary>
    NeedsReason,

    /// <summary>Someone else wrote it and the user may not change it.</summary>
    Refused,
}

/// <summary>
/// Who may change or delete an entry that has an author (<see cref="IAttributed"/>: case notes, decisions,
/// midway reviews): its author; or a user with <see cref="Permissions.ChangeOthersEntries"/> (managers), who must
/// say why. The reason is written on the change's audit entry.
/// </summary>
public static class Authorship
{
    /// <summary>The form field that carries the reason.</summary>
    public const string ReasonField = "ChangeReason";

    public const string ReasonMissing = "Enter why you are changing an entry someone else wrote";

    public static bool IsAuthor(IAttributed entry, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(user);
        return string.Equals(entry.CreatedByUserId, user.UserId, StringComparison.Ordinal);
    }

    /// <summary>Whether the user may change the entry at all (with a reason when it is not theirs): to offer the action.</summary>
    public static bool MayChange(IAttributed entry, CurrentUser user) => IsAuthor(entry, user) || user.Can(Permissions.ChangeOthersEntries);

    /// <summary>Whether changing the entry asks the user for a reason: to show the reason box.</summary>
    public static bool AsksForReason(IAttributed entry, CurrentUser user) => !IsAuthor(entry, user) && user.Can(Permissions.ChangeOthersEntries);

    public static AuthorshipVerdict Judge(IAttributed entry, CurrentUser user, string? reason)
    {
        if (IsAuthor(entry, user)) return AuthorshipVerdict.Author;
        if (!user.Can(Permissions.ChangeOthersEntries)) return AuthorshipVerdict.Refused;
        return ReasonProblem(reason) is null ? AuthorshipVerdict.WithReason : AuthorshipVerdict.NeedsReason;
    }

    /// <summary>What is wrong with the reason given (none, or too long); null when it will do.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ReasonMissing : ReviewTextLimits.TooLong(reason, ReviewTextLimits.Reason, "The reason");
}
