namespace Iro.Ssda903;

/// <summary>
/// A 903 date cell: the text as read (trimmed, upper-cased; null when blank) and its value when the
/// text is a real calendar date in strict DD/MM/YYYY form. Partial dates (zz/MM/YYYY, zz/zz/YYYY,
/// zz/zz/zzzz, allowed only for DATE_PERM) take the latest possible date as their value.
/// </summary>
public readonly record struct Ssda903Date(string? Text, DateOnly? Value, bool IsPartial = false)
{
    public bool IsBlank => Text is null;

    /// <summary>True when the cell is a valid date (or an allowed partial date).</summary>
    public bool IsValid => Value is not null || IsPartial;

    /// <summary>True when the cell is not blank and not a valid date.</summary>
    public bool IsInvalid => Text is not null && !IsValid;

    public static Ssda903Date FromDateOnly(DateOnly date) => new(Format(date), date);

    public static Ssda903Date FromDateOnly(DateOnly? date) => date is { } d ? FromDateOnly(d) : default;

    public static implicit operator Ssda903Date(DateOnly date) => FromDateOnly(date);

    /// <summary>Parses a cell strictly as DD/MM/YYYY. Blank gives a blank date; anything else keeps its text with no value.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Ssda903Date Parse(string? text, bool allowPartial = false)
    {
        // Most cells are already a strict date, with nothing to trim.
        if (text is { Length: 10 } && TryParseExact(text, out var exact))
        {
            return new Ssda903Date(text, exact);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var t = text.Trim();
        if (TryParseExact(t, out var date))
        {
            return new Ssda903Date(t, date);
        }

        if (allowPartial && t.Length == 10 && t[2] == '/' && t[5] == '/')
        {
            var upper = t.ToUpperInvariant();
            return ParsePartial(upper);
        }

        return new Ssda903Date(t.ToUpperInvariant(), null);
    }

    private static Ssda903Date ParsePartial(string t)
    {
        var dayUnknown = t[0] == 'Z' && t[1] == 'Z';
        var monthUnknown = t[3] == 'Z' && t[4] == 'Z';
        var yearUnknown = t.AsSpan(6, 4).SequenceEqual("ZZZZ");
        if (!dayUnknown)
        {
            return new Ssda903Date(t, null);
        }

        if (yearUnknown)
        {
            return monthUnknown ? new Ssda903Date(t, null, IsPartial: true) : new Ssda903Date(t, null);
        }

        if (!TryDigits(t, 6, 4, out var year) || year < 1)
        {
            return new Ssda903Date(t, null);
        }

        if (monthUnknown)
        {
            return new Ssda903Date(t, new DateOnly(year, 12, 31), IsPartial: true);
        }

        if (!TryDigits(t, 3, 2, out var month) || month is < 1 or > 12)
        {
            return new Ssda903Date(t, null);
        }

        return new Ssda903Date(t, new DateOnly(year, month, DateTime.DaysInMonth(year, month)), IsPartial: true);
    }

    /// <summary>Strict DD/MM/YYYY: exactly two digits, two digits, four digits, and a real calendar date.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseExact(ReadOnlySpan<char> t, out DateOnly date)
    {
        date = default;
        if (t.Length != 10 || t[2] != '/' || t[5] != '/'
            || !TryDigits(t, 0, 2, out var day) || !TryDigits(t, 3, 2, out var month) || !TryDigits(t, 6, 4, out var year))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> t, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = t[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>DD/MM/YYYY; written digit by digit, as the culture-aware formatter costs several times more per date.</summary>
    public static string Format(DateOnly date) =>
        string.Create(10, date, static (text, d) =>
        {
            Digits(text[..2], d.Day);
            text[2] = '/';
            Digits(text.Slice(3, 2), d.Month);
            text[5] = '/';
            Digits(text[6..], d.Year);
        });

    /// <summary>Whether <paramref name="text"/> is already <see cref="Format"/> of the date (a date read or built from a value), so it is not formatted again.</summary>
    private static bool IsTextOf(string? text, DateOnly date) =>
        text is { Length: 10 } && text[2] == '/' && text[5] == '/'
        && DigitsAre(text, 0, 2, date.Day) && DigitsAre(text, 3, 2, date.Month) && DigitsAre(text, 6, 4, date.Year);

    private static bool DigitsAre(string text, int start, int length, int value)
    {
        for (var i = start + length - 1; i >= start; i--)
        {
            if (text[i] != (char)('0' + (value % 10)))
            {
                return false;
            }

            value /= 10;
        }

        return true;
    }

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>The text to write: DD/MM/YYYY for a full date, lower-case zz for a partial date, the raw text otherwise.</summary>
    public string ToFileText() =>
        IsPartial ? Text!.ToLowerInvariant()
        : Value is { } d ? (IsTextOf(Text, d) ? Text! : Format(d))
        : Text ?? string.Empty;

    public override string ToString() => Text ?? string.Empty;
}
