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

    private readonly ValueTable?[] _values;
    private readonly UInt128[] _lastKey;
    private readonly string?[] _lastValue;

    public CellStrings(int columns)
    {
        _values = new ValueTable?[columns];
        for (var i = 0; i < columns; i++)
        {
            _values[i] = new ValueTable();
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
        var value = table?.Find(key);
        if (value is null)
        {
            value = Encoding.ASCII.GetString(bytes);
            if (table is not null && !table.TryAdd(key, value))
            {
                _values[column] = null;
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

    /// <summary>
    /// The strings of one column by their padded bytes: an open addressing table (a general dictionary keyed by
    /// <see cref="UInt128"/> took 6 to 7% of the process's CPU in the profile). Holds at most <see cref="MaxValuesPerColumn"/> values.
    /// </summary>
    private sealed class ValueTable
    {
        private UInt128[] _keys = new UInt128[64];
        private string?[] _strings = new string?[64];
        private int _count;

        public string? Find(UInt128 key)
        {
            var mask = _keys.Length - 1;
            for (var i = Slot(key, mask); ; i = (i + 1) & mask)
            {
                var s = _strings[i];
                if (s is null || _keys[i] == key)
                {
                    return s;
                }
            }
        }

        /// <summary>Adds a value not yet held; false, adding nothing, when the table is full.</summary>
        public bool TryAdd(UInt128 key, string value)
        {
            if (_count >= MaxValuesPerColumn)
            {
                return false;
            }

            if ((_count + 1) * 2 > _keys.Length)
            {
                Grow();
            }

            Put(key, value);
            _count++;
            return true;
        }

        private void Put(UInt128 key, string value)
        {
            var mask = _keys.Length - 1;
            var i = Slot(key, mask);
            while (_strings[i] is not null)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = key;
            _strings[i] = value;
        }

        private void Grow()
        {
            var keys = _keys;
            var strings = _strings;
            _keys = new UInt128[keys.Length * 2];
            _strings = new string?[strings.Length * 2];
            for (var i = 0; i < keys.Length; i++)
            {
                if (strings[i] is { } s)
                {
                    Put(keys[i], s);
                }
            }
        }

        private static int Slot(UInt128 key, int mask)
        {
            var hash = ((ulong)key ^ ((ulong)(key >> 64) * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL;
            return (int)(hash >> 40) & mask;
        }
    }
}
