using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Iro.Web.Cli;

/// <summary>
/// Writes a sequence as one JSON array to a text output, exactly as <c>JsonSerializer.Serialize</c> of the whole list
/// followed by a line break would, but an item at a time through one <see cref="Utf8JsonWriter"/> handed on in chunks:
/// a national timetable is millions of lines, and serialising it whole first held the entire document as one string.
/// </summary>
internal static class JsonArrayOutput
{
    /// <summary>About this many bytes of JSON are handed to the output at a time.</summary>
    public const int DefaultChunkBytes = 1 << 20;

    public static async Task WriteLineAsync<T>(
        TextWriter output, IEnumerable<T> items, JsonSerializerOptions options, CancellationToken ct, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        await using var sink = Sink.For(output);
        var buffer = new ArrayBufferWriter<byte>(chunkBytes * 2);
        // The writer options the serialiser itself derives from the serialiser options.
        var writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder, Indented = options.WriteIndented, IndentCharacter = options.IndentCharacter, IndentSize = options.IndentSize,
            NewLine = options.NewLine, MaxDepth = options.MaxDepth,
        };
        await using (var json = new Utf8JsonWriter(buffer, writerOptions))
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                JsonSerializer.Serialize(json, item, options);
                if (json.BytesPending + buffer.WrittenCount < chunkBytes) continue;
                json.Flush();
                await sink.WriteAsync(buffer, ct);
            }

            json.WriteEndArray();
            json.Flush();
        }

        buffer.Write(Encoding.UTF8.GetBytes(output.NewLine));
        await sink.WriteAsync(buffer, ct);
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
