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
/// are joined with the commas between them. The next blocks are written while the main thread hands on the last ones.
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
    public static Task WriteLineAsync<TSource, T>(
        TextWriter output, IReadOnlyList<TSource> items, Func<TSource, T> convert, JsonSerializerOptions options, CancellationToken ct,
        int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(convert);
        ArgumentNullException.ThrowIfNull(options);
        return WriteLineAsync(output, items.Count, (json, i) => JsonSerializer.Serialize(json, convert(items[i]), options), options, ct, chunkBytes);
    }

    /// <summary>
    /// Writes <paramref name="count"/> items, item <c>i</c> by <paramref name="writeItem"/>(writer, i), with the writer
    /// options the serialiser derives from <paramref name="options"/>. The items are written on every core, each
    /// block in a writer of its own, so <paramref name="writeItem"/> must be pure and write one JSON value.
    /// </summary>
    public static async Task WriteLineAsync(
        TextWriter output, int count, Action<Utf8JsonWriter, int> writeItem, JsonSerializerOptions options, CancellationToken ct,
        int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(writeItem);
        ArgumentNullException.ThrowIfNull(options);
        await using var sink = Sink.For(output);
        var pending = new ArrayBufferWriter<byte>();
        // Two sets of blocks: the next wave is written on every core while the main thread hands on this one.
        var waveSize = Math.Max(1, Environment.ProcessorCount) * 2;
        var sets = new Block[2][];
        for (var s = 0; s < sets.Length; s++)
        {
            sets[s] = new Block[waveSize];
            for (var b = 0; b < waveSize; b++) sets[s][b] = new Block(WriterOptions(options));
        }

        var blockCount = (count + ItemsPerBlock - 1) / ItemsPerBlock;
        Task Wave(int first, Block[] blocks) => Task.Run(
            () => Parallel.For(0, Math.Min(waveSize, blockCount - first), new ParallelOptions { CancellationToken = ct }, b =>
                blocks[b].Serialise((first + b) * ItemsPerBlock, Math.Min(count, (first + b + 1) * ItemsPerBlock), writeItem)),
            ct);

        var written = blockCount == 0 ? Task.CompletedTask : Wave(0, sets[0]);
        for (int first = 0, wave = 0; first < blockCount; first += waveSize, wave++)
        {
            await written;
            var blocks = sets[wave % 2];
            if (first + waveSize < blockCount) written = Wave(first + waveSize, sets[(wave + 1) % 2]);
            for (var b = 0; b < Math.Min(waveSize, blockCount - first); b++)
            {
                pending.Write(first + b == 0 ? "["u8 : ","u8);
                pending.Write(blocks[b].Items);
                if (pending.WrittenCount >= chunkBytes) await sink.WriteAsync(pending, ct);
            }
        }

        pending.Write(blockCount == 0 ? "[]"u8 : sets[0][0].End);
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

        /// <summary>Writes items <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
        public void Serialise(int start, int end, Action<Utf8JsonWriter, int> writeItem)
        {
            _buffer.ResetWrittenCount();
            using var json = new Utf8JsonWriter(_buffer, writerOptions);
            json.WriteStartArray();
            for (var i = start; i < end; i++) writeItem(json, i);
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
