namespace Iro.Web.Features.Timetable;

/// <summary>
/// Rows grouped by their child's position in a list of children, in the order they were read within each child (a
/// counting sort: two passes over the rows and one array, where a lookup holds a list per child). Rows of a child not
/// in the list are left out.
/// </summary>
internal sealed class RowsByChild<T>
{
    private readonly T[] _rows;
    private readonly int[] _starts;

    private RowsByChild(T[] rows, int[] starts)
    {
        _rows = rows;
        _starts = starts;
    }

    /// <summary>The rows of the child at <paramref name="position"/>; sorting the segment sorts them in place.</summary>
    public ArraySegment<T> this[int position] => new(_rows, _starts[position], _starts[position + 1] - _starts[position]);

    /// <param name="rows">The rows as read.</param>
    /// <param name="childId">The child a row belongs to.</param>
    /// <param name="positions">Each child's position by its ID.</param>
    public static RowsByChild<T> Group(IReadOnlyList<T> rows, Func<T, int> childId, IReadOnlyDictionary<int, int> positions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(childId);
        ArgumentNullException.ThrowIfNull(positions);
        var rowPositions = new int[rows.Count];
        var starts = new int[positions.Count + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            if (!positions.TryGetValue(childId(rows[i]), out var position))
            {
                rowPositions[i] = -1;
                continue;
            }

            rowPositions[i] = position;
            starts[position + 1]++;
        }

        for (var p = 0; p < positions.Count; p++) starts[p + 1] += starts[p];
        var grouped = new T[starts[^1]];
        var next = starts[..^1];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rowPositions[i] is var position && position >= 0) grouped[next[position]++] = rows[i];
        }

        return new RowsByChild<T>(grouped, starts);
    }
}
