namespace Iro.Domain.Reviews;

/// <summary>
/// A rule that the values given for a review break: the field they were given in (empty for the request as a
/// whole) and the message to show, in GOV.UK style. The review forms show these in their error summary.
/// </summary>
public sealed record ReviewProblem(string Field, string Message);

/// <summary>Collects problems in the order the rules are checked, so a form lists them top to bottom.</summary>
internal sealed class ReviewProblems : List<ReviewProblem>
{
    public void Add(string field, string? message)
    {
        if (message is not null) Add(new ReviewProblem(field, message));
    }

    /// <summary>Adds <paramref name="missing"/> when the value was not given.</summary>
    public void Require<T>(string field, T? value, string missing) where T : struct => Add(field, value is null ? missing : null);

    public void RequireText(string field, string? value, string missing) => Add(field, string.IsNullOrWhiteSpace(value) ? missing : null);

    public void Limit(string field, string? text, int max, string label) => Add(field, ReviewTextLimits.TooLong(text, max, label));

    /// <summary>Throws when a change is applied that its rules refuse: the caller should have shown the problems instead.</summary>
    public static void EnsureNone(IReadOnlyList<ReviewProblem> problems, string change)
    {
        if (problems.Count > 0) throw new InvalidOperationException($"The review cannot be {change}: {string.Join("; ", problems.Select(p => p.Message))}.");
    }
}
