using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Iro.Web.Cli;

/// <summary>
/// Writes a list as one JSON array to a text output, exactly as <c>JsonSerializer.Serialize</c> of the whole list
/// followed by a line break would, handed on in chunks: a national timetable is millions of lines, and serialising it
/// whole first held the entire document as one string. Blocks of items are converted and serialised on every core,
/// each as an array of its own whose opening bracket is dropped: its items are then written exactly as at the same
/// depth of the whole array (the separator before each item but the first is written with the item), and the blocks
/// are joined with the commas between them.
/// </summary>
internal static class JsonArrayOutput
{
    /// <summary>About this many bytes of JSON are handed to the output at a time.</summary>
    public const int DefaultChunkBytes = 1 << 20;

    /// <summary>Items serialised together by one core: a few hundred kilobytes of timetables.</summary>
    private const int ItemsPerBlock = 256;

    public static Task WriteLineAsync<T>(
        TextWriter output, IEnumerable<T> items, JsonSerializerOptions options, CancellationToken ct, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(items);
        return WriteLineAsync(output, items as IReadOnlyList<T> ?? [.. items], static item => item, options, ct, chunkBytes);
    }

    /// <summary>Writes <paramref name="convert"/> of each item; the conversion runs on every core, so it must be pure.</summary>
    public static async Task WriteLineAsync<TSource, T>(
        TextWriter output, IReadOnlyList<TSource> items, Func<TSource, T> convert, JsonSerializerOptions options, CancellationToken ct,
        int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(convert);
        ArgumentNullException.ThrowIfNull(options);
        await using var sink = Sink.For(output);
        var pending = new ArrayBufferWriter<byte>();
        var blocks = new Block[Math.Max(1, Environment.ProcessorCount) * 2];
        for (var b = 0; b < blocks.Length; b++) blocks[b] = new Block(WriterOptions(options));
        var blockCount = (items.Count + ItemsPerBlock - 1) / ItemsPerBlock;
        for (var first = 0; first < blockCount; first += blocks.Length)
        {
            var wave = Math.Min(blocks.Length, blockCount - first);
            var from = first;
            Parallel.For(0, wave, new ParallelOptions { CancellationToken = ct }, b =>
                blocks[b].Serialise(items, (from + b) * ItemsPerBlock, ItemsPerBlock, convert, options));
            for (var b = 0; b < wave; b++)
            {
                pending.Write(from + b == 0 ? "["u8 : ","u8);
                pending.Write(blocks[b].Items);
                if (pending.WrittenCount >= chunkBytes) await sink.WriteAsync(pending, ct);
            }
        }

        pending.Write(blockCount == 0 ? "[]"u8 : blocks[0].End);
        pending.Write(Encoding.UTF8.GetBytes(output.NewLine));
        await sink.WriteAsync(pending, ct);
    }

    /// <summary>The writer options the serialiser itself derives from the serialiser options.</summary>
    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder, Indented = options.WriteIndented, IndentCharacter = options.IndentCharacter, IndentSize = options.IndentSize,
        NewLine = options.NewLine, MaxDepth = options.MaxDepth,
    };

    /// <summary>One block's items as the whole array has them, and the array's end after them; reused from wave to wave.</summary>
    private sealed class Block(JsonWriterOptions writerOptions)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private int _itemsEnd;

        /// <summary>The items, each with the separator and indentation before it, but no comma before the first.</summary>
        public ReadOnlySpan<byte> Items => _buffer.WrittenSpan[1.._itemsEnd];

        /// <summary>What closes the array after its last item.</summary>
        public ReadOnlySpan<byte> End => _buffer.WrittenSpan[_itemsEnd..];

        public void Serialise<TSource, T>(IReadOnlyList<TSource> items, int start, int count, Func<TSource, T> convert, JsonSerializerOptions options)
        {
            _buffer.ResetWrittenCount();
            using var json = new Utf8JsonWriter(_buffer, writerOptions);
            json.WriteStartArray();
            for (var i = start; i < Math.Min(items.Count, start + count); i++) JsonSerializer.Serialize(json, convert(items[i]), options);
            json.Flush();
            _itemsEnd = _buffer.WrittenCount;
            json.WriteEndArray();
            json.Flush();
        }
    }

    /// <summary>
    /// Where the chunks go. The console's writer flushes every 256 characters, a system call each (half a million
    /// for a national timetable), so the console's own output stream takes the bytes instead; any other writer gets
    /// the text. Chunks end after a whole item, so no character is split between two of them.
    /// </summary>
    private sealed class Sink(TextWriter? text, Stream? bytes) : IAsyncDisposable
    {
        private char[] _chars = [];

        public static Sink For(TextWriter output)
        {
            if (!ReferenceEquals(output, Console.Out)) return new Sink(output, null);
            output.Flush();
            return new Sink(null, Console.OpenStandardOutput());
        }

        public async Task WriteAsync(ArrayBufferWriter<byte> buffer, CancellationToken ct)
        {
            if (bytes is not null)
            {
                await bytes.WriteAsync(buffer.WrittenMemory, ct);
            }
            else
            {
                var needed = Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
                if (_chars.Length < needed) _chars = new char[needed];
                var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, _chars);
                await text!.WriteAsync(_chars.AsMemory(0, count), ct);
            }

            buffer.ResetWrittenCount();
        }

        public async ValueTask DisposeAsync()
        {
            if (bytes is null) return;
            await bytes.FlushAsync();
            await bytes.DisposeAsync();
        }
    }
}
