using System.Text.Unicode;

namespace Iro.Ssda903.Internal;

internal enum SniffResult
{
    Text,
    TextNotUtf8,
    Empty,
    Utf16,
    Binary,
}

/// <summary>Classifies the first bytes of a file: UTF-8 text, UTF-16, binary or empty.</summary>
internal static class TextSniffer
{
    public const int PrefixSize = 8192;

    public static SniffResult Classify(ReadOnlySpan<byte> prefix, bool atEnd)
    {
        if (prefix.Length >= 2 && ((prefix[0] == 0xFF && prefix[1] == 0xFE) || (prefix[0] == 0xFE && prefix[1] == 0xFF)))
        {
            return SniffResult.Utf16;
        }

        var body = prefix.Length >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF ? prefix[3..] : prefix;
        if (body.IsEmpty)
        {
            return SniffResult.Empty;
        }

        int nulEven = 0, nulOdd = 0, control = 0, high = 0, whitespaceOnly = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b == 0)
            {
                if (i % 2 == 0)
                {
                    nulEven++;
                }
                else
                {
                    nulOdd++;
                }
            }
            else if (b is < 0x09 or 0x0B or 0x0C or (> 0x0D and < 0x20) or 0x7F)
            {
                control++;
            }
            else if (b >= 0x80)
            {
                high++;
            }

            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',')
            {
                whitespaceOnly++;
            }
        }

        var half = Math.Max(1, body.Length / 2);
        if ((nulEven > half * 0.4 && nulOdd < half * 0.05) || (nulOdd > half * 0.4 && nulEven < half * 0.05))
        {
            return SniffResult.Utf16;
        }

        if (whitespaceOnly == body.Length && atEnd)
        {
            return SniffResult.Empty;
        }

        if (nulEven + nulOdd + control > body.Length * 0.05)
        {
            return SniffResult.Binary;
        }

        // Ignore a multi-byte sequence cut at the end of the prefix.
        var check = atEnd ? body : body[..Math.Max(0, body.Length - 3)];
        if (!Utf8.IsValid(check))
        {
            return high > body.Length * 0.2 ? SniffResult.Binary : SniffResult.TextNotUtf8;
        }

        return SniffResult.Text;
    }
}
