namespace Iro.Domain.AnnualReport;

/// <summary>A reconciliation check that failed, blocking publication: which figure, and what does not add up.</summary>
public sealed record ReconciliationFailure(string Figure, string Problem);

/// <summary>
/// The checks a report must pass before it is published (annual-report rules §5.4): rows sum to their total,
/// year-on-year changes equal the difference of the totals, and every number a sentence quotes equals the figure
/// it names.
/// </summary>
public static class Reconciliation
{
    public static ReconciliationFailure? RowsSumToTotal(string figure, IEnumerable<int> rows, int total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sum = rows.Sum();
        return sum == total ? null : new(figure, $"the rows add up to {sum} but the total is {total}");
    }

    public static ReconciliationFailure? ChangeEqualsDifference(string figure, int change, int current, int previous) =>
        change == current - previous
            ? null
            : new(figure, $"the change is given as {change:+0;-0;0} but {current} - {previous} = {current - previous}");

    /// <summary>A sentence's number must equal the figure it quotes.</summary>
    public static ReconciliationFailure? QuotedEquals(string figure, decimal quoted, decimal value) =>
        quoted == value ? null : new(figure, $"the text says {quoted} but the figure is {value}");

    public static IReadOnlyList<ReconciliationFailure> Failures(params ReconciliationFailure?[] results) =>
        results.OfType<ReconciliationFailure>().ToList();
}
