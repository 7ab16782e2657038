using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>A missing or away episode typed in by hand, before it is checked.</summary>
public sealed record MissingEpisodeEntry(MissingType? Type, DateOnly? Start, DateOnly? End, TimeOnly? ReturnTime);

/// <summary>A return home interview as typed in, before it is checked.</summary>
public sealed record ReturnInterviewEntry(
    DateOnly? OfferedOn, TimeOnly? OfferedTime, DateOnly? CompletedOn, TimeOnly? CompletedTime, string? By, bool Declined, bool? IroInformed);

/// <summary>
/// The checks on missing episodes entered by hand and on their return home interviews. Problems name the form
/// field they belong to; an empty list means the entry can be saved.
/// </summary>
public static class MissingEpisodeChecks
{
    public const int ByMaxLength = 200;

    /// <param name="startsTaken">Start dates of the child's episodes already recorded (an episode is known by its start).</param>
    public static IEnumerable<ReviewProblem> ProblemsOf(MissingEpisodeEntry entry, IReadOnlyCollection<DateOnly> startsTaken, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(startsTaken);
        if (entry.Type is null) yield return new("Type", "Select missing or away from placement");
        if (entry.Start is not { } start)
        {
            yield return new("Start", "Enter the date the episode started");
        }
        else
        {
            if (start > today) yield return new("Start", "The date the episode started must be today or in the past");
            if (startsTaken.Contains(start)) yield return new("Start", "An episode starting on this date is already recorded for the child");
        }

        if (entry.End is { } end)
        {
            if (end > today) yield return new("End", "The date the child returned must be today or in the past");
            if (entry.Start is { } s && end < s) yield return new("End", "The date the child returned must be the same as or after the date the episode started");
        }
        else if (entry.ReturnTime is not null)
        {
            yield return new("End", "Enter the date the child returned, or leave the return time empty");
        }
    }

    public static IEnumerable<ReviewProblem> ProblemsOf(ReturnInterviewEntry entry, MissingEpisode episode, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(episode);
        if (episode.End is not { } returnedOn)
        {
            yield return new("", "Record the date the child returned before the return home interview");
            yield break;
        }

        foreach (var problem in DateProblems("OfferedOn", "offered", entry.OfferedOn, entry.OfferedTime, returnedOn, today)) yield return problem;
        foreach (var problem in DateProblems("CompletedOn", "completed", entry.CompletedOn, entry.CompletedTime, returnedOn, today)) yield return problem;
        if (entry.CompletedOn is not null && entry.Declined) yield return new("Declined", "An interview the child declined cannot also be completed");
        if (entry.CompletedOn is not null && string.IsNullOrWhiteSpace(entry.By)) yield return new("By", "Enter who carried out the interview");
        if (entry.By is { Length: > ByMaxLength }) yield return new("By", $"Who carried out the interview must be {ByMaxLength} characters or fewer");
        if (entry.OfferedOn is { } offered && entry.CompletedOn is { } completed && completed < offered)
            yield return new("CompletedOn", "The date completed must be the same as or after the date offered");
    }

    /// <summary>Copies a checked interview onto the episode.</summary>
    public static void Apply(MissingEpisode episode, ReturnInterviewEntry entry)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(entry);
        (episode.InterviewOfferedOn, episode.InterviewOfferedTime) = (entry.OfferedOn, entry.OfferedOn is null ? null : entry.OfferedTime);
        (episode.InterviewCompletedOn, episode.InterviewCompletedTime) = (entry.CompletedOn, entry.CompletedOn is null ? null : entry.CompletedTime);
        episode.InterviewBy = string.IsNullOrWhiteSpace(entry.By) ? null : entry.By.Trim();
        episode.InterviewDeclined = entry.Declined;
        episode.IroInformed = entry.IroInformed;
    }

    private static IEnumerable<ReviewProblem> DateProblems(string field, string what, DateOnly? on, TimeOnly? at, DateOnly returnedOn, DateOnly today)
    {
        if (on is not { } date)
        {
            if (at is not null) yield return new(field, $"Enter the date the interview was {what}, or leave its time empty");
            yield break;
        }

        if (date > today) yield return new(field, $"The date the interview was {what} must be today or in the past");
        if (date < returnedOn) yield return new(field, $"The date the interview was {what} must be the same as or after the date the child returned");
    }
}
