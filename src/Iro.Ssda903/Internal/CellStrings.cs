using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using CsvHelper;

namespace Iro.Ssda903.Internal;

/// <summary>
/// Turns the cells of one file into their normalised strings (<see cref="RowFactory.Normalise"/>: trimmed,
/// upper-cased, blank as null), reading each cell's UTF-8 bytes in place. Most cells are short codes, dates and
/// ids that repeat (a column's value in the row before, or one of a few thousand codes and dates), so a short cell
/// that needs no trimming or upper-casing is looked up by its bytes and its string made once. Any other cell is read
/// as text and normalised as before, so every string is the one <c>Normalise(GetString(...))</c> gives.
/// </summary>
internal sealed class CellStrings
{
    /// <summary>The longest cell looked up by its bytes (a date is 10, a UPN 13).</summary>
    private const int MaxPooledLength = 16;

    /// <summary>
    /// How many distinct values a column keeps; a column with more (ids, postcodes) stops being looked up, keeping
    /// only the value of the row before, so its table costs no more time or memory.
    /// </summary>
    private const int MaxValuesPerColumn = 1 << 14;

    private readonly Dictionary<UInt128, string>?[] _values;
    private readonly UInt128[] _lastKey;
    private readonly string?[] _lastValue;

    public CellStrings(int columns)
    {
        _values = new Dictionary<UInt128, string>?[columns];
        for (var i = 0; i < columns; i++)
        {
            _values[i] = [];
        }

        _lastKey = new UInt128[columns];
        _lastValue = new string?[columns];
    }

    /// <summary>The normalised string of field <paramref name="field"/> of the current record, for column <paramref name="column"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Get(CsvReader csv, int column, int field)
    {
        var bytes = csv.GetSpan(field);
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.Length > MaxPooledLength || !IsPlain(bytes))
        {
            return RowFactory.Normalise(csv.GetString(field));
        }

        Span<byte> padded = stackalloc byte[MaxPooledLength];
        padded.Clear();
        bytes.CopyTo(padded);
        var key = MemoryMarshal.Read<UInt128>(padded);
        if (_lastValue[column] is { } last && _lastKey[column] == key)
        {
            return last;
        }

        var table = _values[column];
        if (table is null || !table.TryGetValue(key, out var value))
        {
            value = Encoding.ASCII.GetString(bytes);
            if (table is not null)
            {
                if (table.Count < MaxValuesPerColumn)
                {
                    table.Add(key, value);
                }
                else
                {
                    _values[column] = null;
                }
            }
        }

        _lastKey[column] = key;
        _lastValue[column] = value;
        return value;
    }

    /// <summary>
    /// Printable ASCII with no lower-case letter and no space at either end: its string is its bytes, and
    /// normalising leaves it as it is. (Bytes are never 0 here, so zero padding keeps the key exact.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(ReadOnlySpan<byte> bytes)
    {
        if (bytes[0] == (byte)' ' || bytes[^1] == (byte)' ')
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E or (>= (byte)'a' and <= (byte)'z'))
            {
                return false;
            }
        }

        return true;
    }
}
